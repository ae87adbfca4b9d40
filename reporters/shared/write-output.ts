import type { ReporterOptions } from '../../src/types/reporter.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

/** Write a rendered report to `options.path` atomically, or to `options.stdout` when no path is set. */
export async function writeOutput(options: ReporterOptions, data: string): Promise<void> {
  if (options.path === undefined) {
    options.stdout.write(data);
    return;
  }
  await writeFileAtomic(options.path, data);
}
