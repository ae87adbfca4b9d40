import { parseSpecAgainst, type ParsedReporterSpec } from './shared/parse-reporter-spec.ts';
import { assertNever } from '../src/model/result.ts';
import type { Reporter, ReporterOptions } from '../src/types/reporter.ts';
import { createConsoleReporter } from './console.ts';
import { createJsonReporter } from './json.ts';
import { createJunitReporter } from './junit.ts';

export { renderConsoleSummary, createConsoleReporter } from './console.ts';
export { renderJson, createJsonReporter } from './json.ts';
export { renderJunit, createJunitReporter } from './junit.ts';
export { writeFileAtomic } from './shared/write-file-atomic.ts';
export { assertOneOnStdout } from './shared/parse-reporter-spec.ts';

/** Names accepted by `--reporter NAME[:PATH]`. Part of the CLI surface. */
export const REPORTER_NAMES = ['console', 'json', 'junit'] as const;

/** One reporter name. */
export type ReporterName = (typeof REPORTER_NAMES)[number];

/** A parsed `--reporter` value: the reporter and, for file formats, where to write (absent: stdout). */
export type ReporterSpec = ParsedReporterSpec<ReporterName>;

/**
 * Parse `NAME` or `NAME:PATH`.
 * @throws SuiteError `REPORTER_INVALID` for an unknown name, an empty path, or a path on `console`.
 */
export function parseReporterSpec(spec: string): ReporterSpec {
  return parseSpecAgainst(spec, REPORTER_NAMES, 'reporters');
}

/**
 * Create the reporter a `--reporter` value names. A path in the spec overrides `options.path`.
 * @throws SuiteError `REPORTER_INVALID` when the spec is invalid (see {@link parseReporterSpec}).
 */
export function createReporter(spec: string, options: ReporterOptions): Reporter {
  const parsed = parseReporterSpec(spec);
  const resolved: ReporterOptions = parsed.path === undefined ? options : { ...options, path: parsed.path };
  switch (parsed.name) {
    case 'console':
      return createConsoleReporter(resolved);
    case 'json':
      return createJsonReporter(resolved);
    case 'junit':
      return createJunitReporter(resolved);
    default:
      return assertNever(parsed.name);
  }
}

function isReporterName(name: string): name is ReporterName {
  return (REPORTER_NAMES as readonly string[]).includes(name);
}
