/**
 * Runtime attack protection, installed on import: `import '@rampart/guard/protect'` as the
 * first line of an app (or `node --import @rampart/guard/register app.js`). Configured by
 * RAMPART_MODE and RAMPART_CONFIG / rampart.protect.json.
 */
import { installProtection } from './install.js';
import { loadProtectOptionsFromEnv } from './options.js';

export const installed = installProtection(loadProtectOptionsFromEnv());

export { installProtection, SINK_HOOKS } from './install.js';
export { onDetection, type DetectionListener } from './events.js';
export { runWithContext, contextForRequest, setRequestInput, currentContext, type RequestContext, type UserInput } from './context.js';
export { AttackBlockedError, ATTACK_KINDS, type AttackKind, type Inspection } from './attack.js';
export { DEFAULTS, resolveProtectOptions, type ProtectOptions, type ProtectMode, type ProtectConfigInput } from './options.js';
export { detectSqlInjection } from './sql/detect.js';
export { tokenizeSql, type SqlDialect, type SqlToken } from './sql/tokenize.js';
export { detectShellInjection } from './shell/detect.js';
export { tokenizeShell, type ShellToken } from './shell/tokenize.js';
export { detectPathTraversal } from './path/detect.js';
export { isInternalAddress } from './ssrf/address.js';
export { detectReflectedXss } from './xss/detect.js';
export { detectPrototypePollution } from './prototype-pollution/detect.js';
export { detectNoSqlInjection } from './nosql/detect.js';
export { detectCodeInjection } from './code/detect.js';
export { tokenizeJs, type JsToken } from './code/tokenize.js';
export { setResolver, type Resolver } from './sinks/builtins.js';
export { blockIp, unblockIp, blockUser, unblockUser, setUserIdentity, blocklistReady, type BlockOptions } from './blocklist/enforce.js';
export { DEFAULT_BOTS, type BlocklistSettings, type AutoBlockOptions, type UserIdentity } from './blocklist/index.js';
