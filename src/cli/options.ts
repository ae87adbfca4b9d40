import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require('../../package.json') as { name: string; version: string };

/** Name and version of this tool, as reports carry them. */
export const TOOL = { name: pkg.name, version: pkg.version } as const;

/** Commander accumulator for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
