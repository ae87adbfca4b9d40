import type { AuditSummary } from './audit-summary.ts';

/** An audit output: one awaitable hook, called once with the finished summary. */
export interface AuditReporter {
  readonly name: string;
  onAuditEnd(summary: AuditSummary): void | Promise<void>;
}
