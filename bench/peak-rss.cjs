// Preloaded into a measured zgc run (NODE_OPTIONS=--require): writes the process's peak resident memory, in KiB, where ZGC_BENCH_RSS says.
'use strict';
process.on('exit', () => {
  const out = process.env.ZGC_BENCH_RSS;
  if (out) require('node:fs').writeFileSync(out, String(process.resourceUsage().maxRSS));
});
