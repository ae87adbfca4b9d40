// Loaded with `node --import` into a benchmarked subprocess: at exit, writes its peak RSS (bytes) and its
// CPU time (user + system, ms) to the file named by BENCH_RSS_FILE, as "rss cpu". Lets the bench measure a
// child's memory and CPU without an external `time` (wall time on a shared machine also counts others' work).
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(file, `${usage.maxRSS * 1024} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}`);
});
