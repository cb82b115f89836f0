// Registry of this folder's rules: adding a rule adds one import and one list entry here.
import type { JsRule } from '../types.js';
import errorDetailsInResponse from './error-details-in-response.js';
import expressAsyncUnhandled from './express-async-unhandled.js';
import expressNoErrorHandler from './express-no-error-handler.js';

export const RULES: readonly JsRule[] = [
  errorDetailsInResponse,
  expressAsyncUnhandled,
  expressNoErrorHandler,
];
