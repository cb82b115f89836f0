// Preloaded with `node --require` when /usr/bin/time is missing: writes the process's
// user and system CPU seconds and peak resident set size (KiB, worker threads included) to a
// side file at exit, in the order GNU time's "%U %S %M" writes them.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (!process.env.RAMPART_BENCH_RSS_FILE) return;
  const usage = process.resourceUsage();
  writeFileSync(process.env.RAMPART_BENCH_RSS_FILE, `${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6} ${usage.maxRSS}`);
});
