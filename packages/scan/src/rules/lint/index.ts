// Registry of this folder's rules: adding a rule adds one import and one list entry here.
import type { FileRule, JsRule } from '../types.js';
import bidiCharacters from './bidi-characters.js';
import bufferNoassert from './buffer-noassert.js';
import childProcessNonLiteral from './child-process-non-literal.js';
import mustacheEscapeDisabled from './mustache-escape-disabled.js';
import newBuffer from './new-buffer.js';
import noEval from './no-eval.js';
import nonLiteralFsFilename from './non-literal-fs-filename.js';
import nonLiteralRegexp from './non-literal-regexp.js';
import nonLiteralRequire from './non-literal-require.js';
import objectInjection from './object-injection.js';
import unsafeRegex from './unsafe-regex.js';
import insecureCookie from './insecure-cookie.js';
import insecureRandom from './insecure-random.js';
import jwtUnsafeVerify from './jwt-unsafe-verify.js';
import shellTrue from './shell-true.js';
import timingUnsafeComparison from './timing-unsafe-comparison.js';
import tlsVerificationDisabled from './tls-verification-disabled.js';
import tlsVerificationDisabledEnv from './tls-verification-disabled-env.js';
import unsafeDeserialization from './unsafe-deserialization.js';
import weakCipher from './weak-cipher.js';

export const RULES: readonly JsRule[] = [
  noEval,
  bidiCharacters,
  bufferNoassert,
  childProcessNonLiteral,
  mustacheEscapeDisabled,
  newBuffer,
  nonLiteralFsFilename,
  nonLiteralRegexp,
  nonLiteralRequire,
  objectInjection,
  unsafeRegex,
  insecureCookie,
  insecureRandom,
  jwtUnsafeVerify,
  shellTrue,
  timingUnsafeComparison,
  tlsVerificationDisabled,
  unsafeDeserialization,
  weakCipher,
];

/** This folder's rules over non-JS files (.env, Dockerfile, package.json scripts). */
export const FILE_RULES: readonly FileRule[] = [
  tlsVerificationDisabledEnv,
];
