export { createTwoFactor, decodeTotpSecret, type TwoFactor, type TwoFactorOptions, type TwoFactorResult, type TwoFactorFailure, type Enrolment } from './two-factor.js';
export { memoryTwoFactorStore, redisTwoFactorStore, type TwoFactorStore, type TwoFactorRecord } from './store.js';
export { hotp, totp, matchTotp, timeStep, type TotpAlgorithm, type TotpParameters } from './totp.js';
export { base32Encode, base32Decode } from './base32.js';
export { createSecretBox, type SecretBox, type SecretBoxKeys } from './secret-box.js';
