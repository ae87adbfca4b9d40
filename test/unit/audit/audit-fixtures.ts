import { auditPairs, type AuditOptions } from '../../../src/audit/audit-pairs.ts';
import type { AuditSummary } from '../../../src/audit/audit-summary.ts';
import { collectAudit } from '../../../src/audit/collect-audit.ts';
import type { DriftSeverity } from '../../../src/audit/drift-severity.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { DRIFT_RULES } from '../../../suites/audit/index.ts';
import { repoPath } from '../../helpers/paths.ts';

/** `test/fixtures/audit/...`. */
export function auditFixture(...segments: readonly string[]): string {
  return repoPath('test/fixtures/audit', ...segments);
}

let contracts: Promise<Map<string, Contract>> | undefined;

/** The shipped contracts by id, loaded once per test file. */
export function shippedContracts(): Promise<Map<string, Contract>> {
  contracts ??= loadAllContracts([repoPath('contracts')]).then((all) => new Map(all.map((l) => [l.contract.id, l.contract])));
  return contracts;
}

/** Audit two folders with the shipped contracts and every drift rule, into a summary with a fixed clock. */
export async function auditFolders(baseline: string, current: string, extra: Partial<AuditOptions> & { failOn?: DriftSeverity } = {}): Promise<AuditSummary> {
  const { failOn = 'breaking', ...options } = extra;
  const pairs = auditPairs({ baseline, current, contracts: await shippedContracts(), rules: DRIFT_RULES, ...options });
  return collectAudit(pairs, { tool: { name: 'test', version: '0' }, baseline, current, failOn, startedAt: '2026-01-01T00:00:00.000Z', elapsedMs: () => 12 });
}

/** Audit one variant under `test/fixtures/audit/variants/` (its `baseline/` against its `current/`). */
export function auditVariant(name: string, failOn: DriftSeverity = 'breaking'): Promise<AuditSummary> {
  return auditFolders(auditFixture('variants', name, 'baseline'), auditFixture('variants', name, 'current'), { failOn });
}

/** `[id, severity, path]` of every change, for exact comparisons. */
export function changeTriples(summary: AuditSummary): Array<[string, string, string]> {
  return summary.changes.map((c) => [c.id, c.severity, c.path]);
}

/** Clark-notation prefix of EBizCharge's UpdateInvoiceResult. */
export const EBIZ_RESULT =
  '/{http://schemas.xmlsoap.org/soap/envelope/}Envelope/{http://schemas.xmlsoap.org/soap/envelope/}Body/{http://eBizCharge.ServiceModel.SOAP}UpdateInvoiceResponse/{http://eBizCharge.ServiceModel.SOAP}UpdateInvoiceResult';

/** Clark-notation prefix of OpsPlanning's UpdateInvoicePaymentStatusResult. */
export const OPS_RESULT =
  '/{http://schemas.xmlsoap.org/soap/envelope/}Envelope/{http://schemas.xmlsoap.org/soap/envelope/}Body/{http://www.opsplanning.com/webservices/public/data}UpdateInvoicePaymentStatusResponse/{http://www.opsplanning.com/webservices/public/data}UpdateInvoicePaymentStatusResult';
