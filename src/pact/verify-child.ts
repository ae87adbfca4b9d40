import { readFile } from 'node:fs/promises';
// The Verifier's own module, not the package index: the index also loads the consumer DSL
// (PactV4, matchers, XmlBuilder), which costs each child about 0.2 s of CPU for nothing here.
import { Verifier } from '@pact-foundation/pact/src/dsl/verifier/verifier.js';
import { credentialFilter } from './credential-filter.ts';
import { boundary } from './job-logs.ts';
import { stateSeed } from './state-seed.ts';
import type { ChildMessage, StateProblem, VerifyJob, VerifyOutcome, VerifyRequest } from './verify-job.ts';

/**
 * The verifier child: the Pact verifier prints its report on the process's stdout from native
 * code, so it runs here, with stdout piped to the parent (which scans and redacts it), never on
 * the CLI's own stdout. It gets jobs over IPC, one at a time (the parent sends the next once it
 * has the last one's outcome), and for each writes the job's boundary on stdout and stderr, then
 * answers with its outcome. It ends when the parent disconnects.
 */
let running: number | null = null;

process.on('message', (request: VerifyRequest) => {
  running = request.index;
  answer({ kind: 'started', index: request.index });
  void verify(request.job).then((outcome) => finish(request, outcome));
});
process.on('disconnect', () => process.exit(0));

// The verifier's proxy (http-proxy) throws a connection error it has no handler for; report it
// as the running job's outcome instead of dying without one. The process then ends: what state
// the verifier is left in is unknown, so the parent runs any further jobs in a fresh child.
process.on('uncaughtException', (error: Error) => {
  const outcome: VerifyOutcome = { kind: 'crashed', message: `the connection to the provider failed: ${error.message}`, stateProblems: [] };
  answer({ kind: 'crashed', index: running, outcome }, () => process.exit(0));
});

function answer(message: ChildMessage, then: () => void = () => undefined): void {
  process.send?.(message, then);
}

/** Everything the job printed is out (stdout and stderr are synchronous pipes); mark the end of its log, then answer. */
function finish(request: VerifyRequest, outcome: VerifyOutcome): void {
  const line = boundary(request.marker);
  process.stdout.write(line, () =>
    process.stderr.write(line, () => {
      running = null;
      answer({ kind: 'outcome', index: request.index, outcome });
    }),
  );
}

async function verify(job: VerifyJob): Promise<VerifyOutcome> {
  const stateProblems: StateProblem[] = [];
  try {
    const names = await stateNames(job.pactFile);
    const setup = (name: string) => async (params: unknown) => {
      if (job.stateSetup) await postState(job.providerBaseUrl, name, params, stateProblems, job.timeoutMs);
      return undefined;
    };
    const results = await new Verifier({
      providerBaseUrl: job.providerBaseUrl,
      pactUrls: [job.pactFile],
      logLevel: 'error',
      timeout: job.timeoutMs,
      stateHandlers: Object.fromEntries(names.map((n) => [n, setup(n)])),
      requestFilter: credentialFilter(job.substitutions) as never,
    }).verifyProvider();
    return { kind: 'verified', results: String(results), stateProblems };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A failed verification rejects with the same JSON result text as a passing one resolves with.
    return message.trimStart().startsWith('{') ? { kind: 'verified', results: message, stateProblems } : { kind: 'crashed', message, stateProblems };
  }
}

async function stateNames(file: string): Promise<string[]> {
  const pact = JSON.parse(await readFile(file, 'utf8')) as { interactions?: { providerStates?: { name?: string }[] }[] };
  const names = (pact.interactions ?? []).flatMap((i) => (i.providerStates ?? []).map((s) => s.name ?? ''));
  return [...new Set(names.filter((n) => n !== ''))];
}

async function postState(base: string, name: string, params: unknown, problems: StateProblem[], timeoutMs: number): Promise<void> {
  try {
    const res = await fetch(`${base.replace(/\/+$/, '')}/__simulator/state`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(stateSeed(params)),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) problems.push({ state: name, message: `POST /__simulator/state answered ${res.status}: ${text.slice(0, 200).trim()}` });
  } catch (error) {
    problems.push({ state: name, message: `POST /__simulator/state failed: ${error instanceof Error ? error.message : String(error)}` });
  }
}
