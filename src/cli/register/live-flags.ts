import { InvalidArgumentError, type Command } from 'commander';

/** Add --credentials, --timeout, --run-timeout and --seed to a command. */
export function addLiveFlags(command: Command, defaults: { timeout: number; runTimeout: number }): Command {
  return command
    .option('--credentials <file>', 'credentials file, JSON or YAML: { <vendor>: { <credential>: value, baseUrl } }; refused if the group or others can read it')
    .option('--timeout <ms>', 'per-request timeout (live and simulate)', parseMs, defaults.timeout)
    .option('--run-timeout <ms>', 'whole-run deadline (live and simulate)', parseMs, defaults.runTimeout)
    .option('--seed <file>', 'simulator seed, JSON or YAML (simulate only; see README)');
}

/** Commander parser for a positive number of milliseconds. */
export function parseMs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number of milliseconds.');
  return n;
}
