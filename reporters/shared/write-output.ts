import { writeFileSync } from 'node:fs';
import type { ReporterOptions } from '../../src/types/reporter.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

/** Paths that name this process's stdout and stderr (a CI idiom: `--reporter junit:/dev/stdout`). */
const STDOUT_PATHS: readonly string[] = ['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1'];
const STDERR_PATHS: readonly string[] = ['/dev/stderr', '/dev/fd/2', '/proc/self/fd/2'];

/**
 * Write a rendered report (text, or its UTF-8 bytes) to `options.path` atomically, or to `options.stdout` when no path is set.
 * `/dev/stdout` goes through `options.stdout` too (in order with the console, and a socket cannot be
 * reopened by path), `/dev/stderr` to descriptor 2; other devices are written directly (see
 * {@link writeFileAtomic}).
 */
export async function writeOutput(options: ReporterOptions, data: string | Buffer): Promise<void> {
  if (options.path === undefined || STDOUT_PATHS.includes(options.path)) {
    options.stdout.write(typeof data === 'string' ? data : data.toString('utf8'));
    return;
  }
  if (STDERR_PATHS.includes(options.path)) {
    writeFileSync(2, data);
    return;
  }
  await writeFileAtomic(options.path, data);
}
