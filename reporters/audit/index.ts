import type { AuditReporter } from '../../src/audit/audit-reporter.ts';
import type { Reporter, ReporterOptions } from '../../src/types/reporter.ts';
import { auditToReport } from '../adapters/audit-to-report.ts';
import { createReporter, parseReporterSpec, REPORTER_NAMES, type ReporterSpec } from '../index.ts';

export { auditToReport } from '../adapters/audit-to-report.ts';

/** Names accepted by `conformance audit --reporter NAME[:PATH]`: every reporter. Part of the CLI surface. */
export const AUDIT_REPORTER_NAMES = REPORTER_NAMES;

/** What an unknown reporter name's error lists them as. */
const LABEL = 'audit reporters';

/**
 * Parse `NAME` or `NAME:PATH` (see {@link parseReporterSpec}); the error for an unknown name lists the audit reporters.
 * @throws SuiteError `REPORTER_INVALID` for an unknown name, an empty path, or a path on `console` or `github`.
 */
export function parseAuditReporterSpec(spec: string): ReporterSpec {
  return parseReporterSpec(spec, LABEL);
}

/**
 * Create the audit reporter a `--reporter` value names: the reporter `run`, `check` and `pact verify`
 * use ({@link createReporter}), fed the audit mapped into the one report model ({@link auditToReport}).
 */
export function createAuditReporter(spec: string, options: ReporterOptions): AuditReporter {
  return viaReportModel(createReporter(spec, options, LABEL));
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
