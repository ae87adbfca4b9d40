import pc from 'picocolors';

/** What colour depends on: the flags and environment of this process. */
export interface ColorInputs {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** picocolors' own detection (TTY and `TERM` not `dumb`, `FORCE_COLOR`, `CI`, `NO_COLOR`, `--color`, `--no-color`). */
  readonly detected: boolean;
}

/**
 * The one colour decision of the CLI. Explicit flags win (`--no-color`, then `--color`), then
 * `NO_COLOR`, then `FORCE_COLOR` (where `0` and `false` turn colour off, as in Node and chalk),
 * then picocolors' detection, which covers `isTTY` and `TERM=dumb`.
 */
export function decideColor(inputs: ColorInputs = processColorInputs()): boolean {
  if (inputs.argv.includes('--no-color')) return false;
  if (inputs.argv.includes('--color')) return true;
  if ((inputs.env['NO_COLOR'] ?? '') !== '') return false;
  const forced = inputs.env['FORCE_COLOR'];
  if (forced !== undefined) return forced !== '0' && forced !== 'false';
  if (inputs.env['TERM'] === 'dumb') return false;
  return inputs.detected;
}

function processColorInputs(): ColorInputs {
  return { argv: process.argv, env: process.env, detected: pc.isColorSupported };
}
