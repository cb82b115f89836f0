// Preloaded with `node --require` when /usr/bin/time is missing: writes the process's
// peak resident set size (KiB, worker threads included) to a side file at exit.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.RAMPART_BENCH_RSS_FILE) writeFileSync(process.env.RAMPART_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
