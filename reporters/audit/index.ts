import { SuiteError } from '../../src/errors.ts';
import type { AuditReporter } from '../../src/audit/audit-reporter.ts';
import { assertNever } from '../../src/model/result.ts';
import type { ReporterOptions } from '../../src/types/reporter.ts';
import { createAuditConsoleReporter } from './console.ts';
import { createAuditJsonReporter } from './json.ts';
import { createAuditJunitReporter } from './junit.ts';
import { createAuditMarkdownReporter } from './markdown.ts';

export { renderAuditConsole, createAuditConsoleReporter } from './console.ts';
export { renderAuditJson, createAuditJsonReporter } from './json.ts';
export { renderAuditJunit, createAuditJunitReporter } from './junit.ts';
export { renderAuditMarkdown, createAuditMarkdownReporter } from './markdown.ts';

/** Names accepted by `conformance audit --reporter NAME[:PATH]`. Part of the CLI surface. */
export const AUDIT_REPORTER_NAMES = ['console', 'json', 'junit', 'markdown'] as const;

/** One audit reporter name. */
export type AuditReporterName = (typeof AUDIT_REPORTER_NAMES)[number];

/** A parsed `--reporter` value. */
export interface AuditReporterSpec {
  readonly name: AuditReporterName;
  /** Output file; absent means stdout. */
  readonly path?: string;
}

/**
 * Parse `NAME` or `NAME:PATH` (split at the first colon).
 * @throws SuiteError `REPORTER_INVALID` for an unknown name, an empty path, or a path on `console`.
 */
export function parseAuditReporterSpec(spec: string): AuditReporterSpec {
  const colon = spec.indexOf(':');
  const name = colon === -1 ? spec : spec.slice(0, colon);
  const path = colon === -1 ? undefined : spec.slice(colon + 1);
  if (!(AUDIT_REPORTER_NAMES as readonly string[]).includes(name)) {
    throw new SuiteError('REPORTER_INVALID', `Unknown reporter "${name}" in --reporter ${spec}. Known audit reporters: ${AUDIT_REPORTER_NAMES.join(', ')}.`);
  }
  const known = name as AuditReporterName;
  if (path === undefined) return { name: known };
  if (path === '') throw new SuiteError('REPORTER_INVALID', `Empty path in --reporter ${spec}. Use ${name} (stdout) or ${name}:PATH.`);
  if (known === 'console') throw new SuiteError('REPORTER_INVALID', `The console reporter writes to stdout and takes no path (got --reporter ${spec}).`);
  return { name: known, path };
}

/** Create the audit reporter a `--reporter` value names; a path in the spec overrides `options.path`. */
export function createAuditReporter(spec: string, options: ReporterOptions): AuditReporter {
  const parsed = parseAuditReporterSpec(spec);
  const resolved: ReporterOptions = parsed.path === undefined ? options : { ...options, path: parsed.path };
  switch (parsed.name) {
    case 'console':
      return createAuditConsoleReporter(resolved);
    case 'json':
      return createAuditJsonReporter(resolved);
    case 'junit':
      return createAuditJunitReporter(resolved);
    case 'markdown':
      return createAuditMarkdownReporter(resolved);
    default:
      return assertNever(parsed.name);
  }
}
