import { parseSpecAgainst, type ParsedReporterSpec } from '../shared/parse-reporter-spec.ts';
import type { AuditReporter } from '../../src/audit/audit-reporter.ts';
import { SuiteError } from '../../src/errors.ts';
import { assertNever } from '../../src/model/result.ts';
import type { Reporter, ReporterOptions } from '../../src/types/reporter.ts';
import { auditToReport } from '../adapters/audit-to-report.ts';
import { checkReportPath } from '../shared/check-report-path.ts';
import { createGithubReporter } from '../github.ts';
import { createHtmlReporter } from '../html.ts';
import { createConsoleReporter } from '../console.ts';
import { createJsonReporter } from '../json.ts';
import { createJunitReporter } from '../junit.ts';
import { createMarkdownReporter } from '../markdown.ts';

export { auditToReport } from '../adapters/audit-to-report.ts';

/** Names accepted by `conformance audit --reporter NAME[:PATH]`. Part of the CLI surface. */
export const AUDIT_REPORTER_NAMES = ['console', 'json', 'junit', 'markdown', 'html', 'github'] as const;

/** One audit reporter name. */
export type AuditReporterName = (typeof AUDIT_REPORTER_NAMES)[number];

/** A parsed `--reporter` value: the reporter and, for file formats, where to write (absent: stdout). */
export type AuditReporterSpec = ParsedReporterSpec<AuditReporterName>;

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
 * Every format renders the audit through the one report model ({@link auditToReport}), with the
 * same renderer `run`, `check` and `pact verify` use.
 */
export function createAuditReporter(spec: string, options: ReporterOptions): AuditReporter {
  const parsed = parseAuditReporterSpec(spec);
  if (parsed.path !== undefined) checkReportPath(parsed.path, spec);
  const resolved: ReporterOptions = parsed.path === undefined ? options : { ...options, path: parsed.path };
  switch (parsed.name) {
    case 'console':
      return viaReportModel(createConsoleReporter(resolved));
    case 'json':
      return viaReportModel(createJsonReporter(resolved));
    case 'markdown':
      return viaReportModel(createMarkdownReporter(resolved));
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
