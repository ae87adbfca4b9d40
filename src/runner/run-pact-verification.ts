import { connect } from 'node:net';
import type { CheckResult } from '../model/check-result.ts';
import { PACT_SUITE } from '../model/check-result.ts';
import { countTotals, REPORT_SCHEMA_VERSION, type ContractSummary, type RunSummary, type RunWarning } from '../model/run-summary.ts';
import { violation } from '../model/violation.ts';
import { credentialPlaceholder } from '../pact/credential-placeholders.ts';
import type { PactFileSummary } from '../pact/read-pact-file.ts';
import { verifierSession, type VerifierSession } from '../pact/verifier-session.ts';
import { verificationResults, PACT_VERIFY_CHECK } from '../pact/verification-results.ts';
import { redactText } from '../recording/redact-text.ts';
import type { LoadedContract } from '../types/contract.ts';
import type { Reporter } from '../types/reporter.ts';
import { notifyReporters } from './notify-reporters.ts';

/** One pact file to verify against one provider. */
export interface PactTarget {
  readonly loaded: LoadedContract;
  readonly pact: PactFileSummary;
  readonly providerBaseUrl: string;
  /** Credential values by declared name, injected in flight; never written. */
  readonly credentials: Readonly<Record<string, string>>;
}

/** How to verify. */
export interface PactVerificationOptions {
  readonly targets: readonly PactTarget[];
  readonly stateSetup: boolean;
  readonly timeoutMs: number;
  /** Deadline of one pact file's verification (each pact file has its own). */
  readonly deadlineMs: number;
  /** Every secret value in play: redacted from the verifier's log (and counted). */
  readonly secrets: readonly string[];
  readonly reporters: readonly Reporter[];
  readonly tool: { readonly name: string; readonly version: string };
  readonly warnings: readonly RunWarning[];
  readonly onReporterError: (message: string) => void;
}

/** The report and the verifier's output (redacted). */
export interface PactVerification {
  readonly summary: RunSummary;
  readonly log: string;
}

/**
 * Verify each pact file with the Pact verifier (in a child process, one for all the pact files
 * unless one crashes or passes its deadline), turn its result into check
 * results (suite `pact`, one per interaction) and hand them to the reporters as one run summary.
 */
export async function runPactVerification(options: PactVerificationOptions): Promise<PactVerification> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const notify = notifyReporters(options.reporters, options.onReporterError);
  const planned = options.targets.reduce((n, t) => n + t.pact.interactions.length, 0);
  await notify('onRunStart', { target: 'pact', contracts: options.targets.map((t) => t.loaded.contract.id), planned });
  const warnings: RunWarning[] = [...options.warnings];
  for (const w of warnings) await notify('onWarning', w.message);
  const results: CheckResult[] = [];
  const contracts: ContractSummary[] = [];
  const logs: string[] = [];
  const session = verifierSession(options.deadlineMs);
  try {
    for (const target of options.targets) {
      const own = await verifyOne(target, session, options, logs, warnings);
      for (const r of own) await notify('onCheckResult', r);
      results.push(...own);
      const c = target.loaded.contract;
      contracts.push({ id: c.id, vendor: c.vendor, operation: c.operation, protocol: c.protocol, file: target.pact.file, cases: target.pact.interactions.length, totals: countTotals(own) });
    }
  } finally {
    await session.close();
  }
  const totals = countTotals(results);
  const summary: RunSummary = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: options.tool,
    target: 'pact',
    startedAt,
    durationMs: Math.round(performance.now() - started),
    ok: totals.failed === 0,
    totals,
    suites: [PACT_SUITE],
    contracts,
    results,
    findings: [],
    coverage: [],
    warnings,
  };
  await notify('onRunEnd', summary);
  return { summary, log: logs.join('\n') };
}

async function verifyOne(target: PactTarget, session: VerifierSession, options: PactVerificationOptions, logs: string[], warnings: RunWarning[]): Promise<CheckResult[]> {
  const contract = target.loaded.contract;
  const substitutions = Object.entries(target.credentials).map(([name, value]) => ({ placeholder: credentialPlaceholder(contract, name), value }));
  const unreachable = await reachability(target.providerBaseUrl, options.timeoutMs);
  if (unreachable !== undefined) return [verifierFailure(contract.id, `provider ${target.providerBaseUrl} unreachable (${unreachable})`)];
  const run = await session.run({ pactFile: target.pact.file, providerBaseUrl: target.providerBaseUrl, substitutions, stateSetup: options.stateSetup, timeoutMs: options.timeoutMs });
  const log = redactText(run.log, options.secrets);
  if (log.replaced) warnings.push({ message: `The Pact verifier's output for ${contract.id} contained a credential; it was redacted.`, contract: contract.id });
  logs.push(`== ${contract.id} (${target.pact.file} against ${target.providerBaseUrl})\n${log.text}`);
  if (run.outcome.kind === 'crashed') {
    return [verifierFailure(contract.id, redactText(run.outcome.message, options.secrets).text)];
  }
  return verificationResults(contract.id, target.pact.interactions, run.outcome.results, run.outcome.stateProblems);
}

function verifierFailure(contract: string, message: string): CheckResult {
  return { id: `${contract}#contract#${PACT_VERIFY_CHECK}`, check: PACT_VERIFY_CHECK, title: 'The Pact verifier ran', suite: PACT_SUITE, contract, case: null, durationMs: 0, state: 'failed', violations: [violation('pact.verifier', '', `Received: ${message.slice(0, 500)} / Expected: a verification result.`)] };
}

/** Open and close a TCP connection to the provider: why it failed, or undefined when it is reachable. */
function reachability(baseUrl: string, timeoutMs: number): Promise<string | undefined> {
  const url = new URL(baseUrl);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.end();
      resolve(undefined);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(`no connection within ${timeoutMs} ms`);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}
