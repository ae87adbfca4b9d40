import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';

const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** Name and version of this tool, as reports carry them. */
export const TOOL = { name: pkg.name, version: pkg.version } as const;

/** Commander accumulator for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
