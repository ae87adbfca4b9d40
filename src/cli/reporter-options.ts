import type { ReporterOptions } from '../types/reporter.ts';
import type { CliIo } from './io.ts';

/** What every reporter of every command gets from the process: stdout, the colour decision, width and TTY. */
export function reporterOptions(io: CliIo): ReporterOptions {
  const base = { color: io.color, stdout: io.stdout, tty: io.tty === true };
  return io.columns === undefined ? base : { ...base, columns: io.columns };
}
