import { SuiteError } from '../src/errors.ts';
import { assertNever } from '../src/model/result.ts';
import type { Reporter, ReporterOptions } from '../src/types/reporter.ts';
import { createConsoleReporter } from './console.ts';
import { createJsonReporter } from './json.ts';
import { createJunitReporter } from './junit.ts';

export { renderConsoleSummary, createConsoleReporter } from './console.ts';
export { renderJson, createJsonReporter } from './json.ts';
export { renderJunit, createJunitReporter } from './junit.ts';
export { writeFileAtomic } from './shared/write-file-atomic.ts';

/** Names accepted by `--reporter NAME[:PATH]`. Part of the CLI surface. */
export const REPORTER_NAMES = ['console', 'json', 'junit'] as const;

/** One reporter name. */
export type ReporterName = (typeof REPORTER_NAMES)[number];

/** A parsed `--reporter` value: the reporter and, for file formats, where to write. */
export interface ReporterSpec {
  readonly name: ReporterName;
  /** Output file; absent means stdout. */
  readonly path?: string;
}

/**
 * Parse `NAME` or `NAME:PATH` (split at the first colon, so `junit:C:\out\x.xml` keeps its drive).
 * @throws SuiteError `REPORTER_INVALID` for an unknown name, an empty path, or a path on `console`.
 */
export function parseReporterSpec(spec: string): ReporterSpec {
  const colon = spec.indexOf(':');
  const name = colon === -1 ? spec : spec.slice(0, colon);
  const path = colon === -1 ? undefined : spec.slice(colon + 1);
  if (!isReporterName(name)) {
    throw new SuiteError('REPORTER_INVALID', `Unknown reporter "${name}" in --reporter ${spec}. Known reporters: ${REPORTER_NAMES.join(', ')}.`);
  }
  if (path === undefined) return { name };
  if (path === '') throw new SuiteError('REPORTER_INVALID', `Empty path in --reporter ${spec}. Use ${name} (stdout) or ${name}:PATH.`);
  if (name === 'console') {
    throw new SuiteError('REPORTER_INVALID', `The console reporter writes to stdout and takes no path (got --reporter ${spec}). Use json:PATH or junit:PATH for files.`);
  }
  return { name, path };
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
