// Runtime protection first (practice 11): it patches fs, child_process, http(s), fetch and the
// SQLite driver before anything else loads them, then blocks injections at those sinks.
import '@rampart/guard/protect';
import { start } from './server.js';

start().catch((err) => {
  // Start-up problems (a missing secret, a taken port) are printed without a stack: they are the operator's to fix.
  process.stderr.write(`secured-shop: could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
