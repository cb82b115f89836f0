import { createPasswordHasher, type PasswordCheck, type PasswordHasher } from './hasher.js';

export { createPasswordHasher, type PasswordHasher, type PasswordHasherOptions, type PasswordCheck, type VerifyFailure } from './hasher.js';
export { checkPasswordPolicy, normalizePassword, type PasswordPolicyOptions, type PasswordPolicyResult, type PasswordProblem } from './policy.js';
export { isCommonPassword, BREACHED_LIST_SOURCE } from './breached-list.js';

let shared: PasswordHasher | undefined;
const defaultHasher = () => (shared ??= createPasswordHasher());

/** argon2id (m=19 MiB, t=2, p=1) PHC string of the NFKC-normalised password. */
export const hashPassword = (password: string): Promise<string> => defaultHasher().hash(password);
/** Constant-time; false (never a throw) for a wrong password or a malformed hash. */
export const verifyPassword = (storedHash: string, password: string): Promise<boolean> => defaultHasher().verify(storedHash, password);
/** verifyPassword with the loggable reason of a failure and whether to rehash. */
export const checkPassword = (storedHash: string, password: string): Promise<PasswordCheck> => defaultHasher().check(storedHash, password);
/** True when the hash uses another algorithm, weaker parameters or another pepper than the defaults. */
export const needsRehash = (storedHash: string): boolean => defaultHasher().needsRehash(storedHash);
