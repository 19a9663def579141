// Preloaded into a benchmarked process (NODE_OPTIONS=--require …): on exit, writes its CPU time
// (user + system, all threads) and peak RSS to the file named by KIBAN_BENCH_RUSAGE. On a shared
// machine CPU time is the figure that other processes' load does not inflate much.
'use strict';
process.on('exit', () => {
  const file = process.env.KIBAN_BENCH_RUSAGE;
  if (!file) return;
  const u = process.resourceUsage();
  require('fs').writeFileSync(
    file,
    JSON.stringify({
      cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000),
      peakRssMb: Math.round(u.maxRSS / 1024),
    }),
  );
});
