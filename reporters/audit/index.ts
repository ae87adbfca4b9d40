import { parseSpecAgainst, type ParsedReporterSpec } from '../shared/parse-reporter-spec.ts';
import type { AuditReporter } from '../../src/audit/audit-reporter.ts';
import type { AuditSummary } from '../../src/audit/audit-summary.ts';
import { SuiteError } from '../../src/errors.ts';
import { assertNever } from '../../src/model/result.ts';
import type { Reporter, ReporterOptions } from '../../src/types/reporter.ts';
import { auditToReport } from '../adapters/audit-to-report.ts';
import { checkReportPath } from '../shared/check-report-path.ts';
import { createGithubReporter } from '../github.ts';
import { createHtmlReporter } from '../html.ts';
import { createJunitReporter, renderJunit } from '../junit.ts';
import { createAuditConsoleReporter } from './console.ts';
import { createAuditJsonReporter } from './json.ts';
import { createAuditMarkdownReporter } from './markdown.ts';

export { renderAuditConsole, createAuditConsoleReporter } from './console.ts';
export { renderAuditJson, createAuditJsonReporter } from './json.ts';
export { renderAuditMarkdown, createAuditMarkdownReporter } from './markdown.ts';
export { auditToReport } from '../adapters/audit-to-report.ts';

/** Names accepted by `conformance audit --reporter NAME[:PATH]`. Part of the CLI surface. */
export const AUDIT_REPORTER_NAMES = ['console', 'json', 'junit', 'markdown', 'html', 'github'] as const;

/** One audit reporter name. */
export type AuditReporterName = (typeof AUDIT_REPORTER_NAMES)[number];

/** A parsed `--reporter` value: the reporter and, for file formats, where to write (absent: stdout). */
export type AuditReporterSpec = ParsedReporterSpec<AuditReporterName>;

/** The audit as JUnit: the one JUnit renderer over {@link auditToReport} (one testsuite per recording, with `file=`). */
export function renderAuditJunit(summary: AuditSummary): string {
  return renderJunit(auditToReport(summary));
}

/**
 * Parse `NAME` or `NAME:PATH`.
 * @throws SuiteError `REPORTER_INVALID` for an unknown name, an empty path, or a path on `console` or `github`.
 */
export function parseAuditReporterSpec(spec: string): AuditReporterSpec {
  const parsed = parseSpecAgainst(spec, AUDIT_REPORTER_NAMES, 'audit reporters');
  if (parsed.name === 'github' && parsed.path !== undefined) {
    throw new SuiteError('REPORTER_INVALID', `The github reporter prints annotations to stdout and takes no path (got --reporter ${spec}).`);
  }
  return parsed;
}

/**
 * Create the audit reporter a `--reporter` value names; a path in the spec overrides `options.path`.
 * JUnit, HTML and github render the audit through the one report model ({@link auditToReport});
 * console, JSON (its own versioned schema) and Markdown are still audit-specific views.
 */
export function createAuditReporter(spec: string, options: ReporterOptions): AuditReporter {
  const parsed = parseAuditReporterSpec(spec);
  if (parsed.path !== undefined) checkReportPath(parsed.path, spec);
  const resolved: ReporterOptions = parsed.path === undefined ? options : { ...options, path: parsed.path };
  switch (parsed.name) {
    case 'console':
      return createAuditConsoleReporter(resolved);
    case 'json':
      return createAuditJsonReporter(resolved);
    case 'markdown':
      return createAuditMarkdownReporter(resolved);
    case 'junit':
      return viaReportModel(createJunitReporter(resolved));
    case 'html':
      return viaReportModel(createHtmlReporter(resolved));
    case 'github':
      return viaReportModel(createGithubReporter(resolved));
    default:
      return assertNever(parsed.name);
  }
}

/** A run reporter fed the audit mapped into the report model. */
function viaReportModel(reporter: Reporter): AuditReporter {
  return {
    name: reporter.name,
    async onAuditEnd(summary) {
      await reporter.onRunEnd?.(auditToReport(summary));
    },
  };
}
