import type { LoadedContract } from '../../types/contract.ts';
import { SUITES } from '../../model/check-result.ts';
import { countTotals, REPORT_SCHEMA_VERSION, type ContractSummary, type RunSummary } from '../../model/run-summary.ts';
import type { ReceivedRequest } from './request-log.ts';

/** What the summary says about where it came from. */
export interface ReceivedSummaryOptions {
  readonly tool: { readonly name: string; readonly version: string };
  /** `simulate` or `msw`. */
  readonly target: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly contracts: readonly LoadedContract[];
}

/**
 * The received requests as a RunSummary (the model every reporter renders): one "case" per request,
 * named `request-N METHOD /path`, with every request check's result. No request received is not `ok`:
 * there is no evidence of conformance without a request.
 */
export function receivedSummary(received: readonly ReceivedRequest[], options: ReceivedSummaryOptions): RunSummary {
  const results = received.flatMap((r) => r.results);
  const totals = countTotals(results);
  const contracts: ContractSummary[] = options.contracts.map(({ contract, file }) => {
    const mine = received.filter((r) => r.contract === contract.id);
    return { id: contract.id, vendor: contract.vendor, operation: contract.operation, protocol: contract.protocol, file, cases: mine.length, totals: countTotals(mine.flatMap((r) => r.results)) };
  });
  const warnings = received.length === 0 ? [{ message: 'No request was received, so nothing was shown to conform.' }] : [];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: options.tool,
    target: options.target,
    startedAt: options.startedAt,
    durationMs: options.durationMs,
    ok: received.length > 0 && totals.failed === 0,
    totals,
    suites: SUITES.filter((s) => s === 'request-building'),
    contracts,
    results,
    findings: [],
    coverage: [],
    warnings,
  };
}
