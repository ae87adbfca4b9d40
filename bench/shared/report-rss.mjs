// Loaded with `node --import` into a benchmarked subprocess: at exit, writes its peak RSS (bytes) to the
// file named by BENCH_RSS_FILE. Lets the bench measure a child's memory without an external `time`.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
