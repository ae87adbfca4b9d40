import { relative, sep } from 'node:path';
import type { Command } from 'commander';
import { PACKAGE_ROOT } from './paths.ts';

/**
 * Show path defaults in `--help` as a user would type them (`contracts/`), never as this machine's
 * absolute path: every option of every command whose default lies inside the package gets a
 * package-relative description. The default value itself is unchanged.
 */
export function describePathDefaults(program: Command): void {
  for (const command of [program, ...program.commands]) {
    for (const option of command.options) {
      const value: unknown = option.defaultValue;
      if (typeof value !== 'string' || !value.startsWith(PACKAGE_ROOT + sep)) continue;
      if (option.defaultValueDescription !== undefined) continue;
      // A description that already names the default (`(default: the shipped recordings/)`) would say it twice.
      option.description = option.description.replace(/\s*\(default:[^)]*\)/, '');
      option.defaultValueDescription = `${relative(PACKAGE_ROOT, value).split(sep).join('/')}/`;
    }
  }
}
