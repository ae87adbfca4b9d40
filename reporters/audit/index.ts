import { parseSpecAgainst, type ParsedReporterSpec } from '../shared/parse-reporter-spec.ts';
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

/** A parsed `--reporter` value: the reporter and, for file formats, where to write (absent: stdout). */
export type AuditReporterSpec = ParsedReporterSpec<AuditReporterName>;

/**
 * Parse `NAME` or `NAME:PATH`.
 * @throws SuiteError `REPORTER_INVALID` for an unknown name, an empty path, or a path on `console`.
 */
export function parseAuditReporterSpec(spec: string): AuditReporterSpec {
  return parseSpecAgainst(spec, AUDIT_REPORTER_NAMES, 'audit reporters');
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
