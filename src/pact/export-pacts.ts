import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PactV4 } from '@pact-foundation/pact';
import { SuiteError } from '../errors.ts';
import type { HttpResponse } from '../model/http.ts';
import { buildRequest } from '../protocols/build-request.ts';
import type { Contract, LoadedContract } from '../types/contract.ts';
import { caseInteraction, type CaseInteraction, type PactBody } from './case-interaction.ts';
import { credentialPlaceholders } from './credential-placeholders.ts';
import type { StateSeed } from './provider-states.ts';
import { qualifyXmlRules, type BodyRules } from './qualify-xml-rules.ts';
import { sendOnce } from './send-once.ts';
import { stableJson } from './stable-json.ts';
import { writeGuardedFile } from './write-guarded-file.ts';

/** What `pact export` needs. */
export interface ExportOptions {
  readonly contracts: readonly LoadedContract[];
  /** The recorded response of each case, or undefined when the case has none. */
  readonly recordedResponse: (contract: Contract, caseName: string) => HttpResponse | undefined;
  /** Simulator seed per vendor: the data each case's recording was made against (provider states). */
  readonly seed: (vendor: string) => StateSeed;
  readonly outDir: string;
  readonly consumer: string;
  /** Secret values the leak guard must not find in any file (e.g. from the environment). */
  readonly secrets: readonly string[];
}

/** One pact file written. */
export interface ExportedPact {
  readonly contract: string;
  readonly file: string;
  readonly interactions: number;
  /** Cases left out, with why (no recording). */
  readonly skipped: readonly string[];
}

/** Base URL requests are built against; only their path and query reach the pact. */
const BUILD_BASE = 'http://pact-export.invalid';

/** The Pact provider name of a contract: `centra-invoices_Update`. */
export function pactProviderName(contract: Contract): string {
  return `${contract.vendor}-${contract.operation}`;
}

/**
 * Export one Pact V4 file per contract, built with the Pact FFI: every case becomes an interaction
 * that is first played against the FFI's mock server (the case's own request must satisfy its
 * matchers), the FFI writes the pact into a private temporary folder, the XML rule paths are
 * namespace-qualified, the text is stabilized and guarded for secrets, and the file is moved into
 * `outDir` atomically.
 */
export async function exportPacts(options: ExportOptions): Promise<ExportedPact[]> {
  const work = await mkdtemp(join(tmpdir(), 'conformance-pact-'));
  try {
    await ensureDir(options.outDir).catch((error: NodeJS.ErrnoException) => {
      throw new SuiteError('FILE_UNREADABLE', `Cannot create ${options.outDir} (${error.code ?? 'error'}).`);
    });
    const out: ExportedPact[] = [];
    for (const loaded of options.contracts) out.push(await exportContract(loaded.contract, options, join(work, loaded.contract.vendor)));
    return out;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function exportContract(contract: Contract, options: ExportOptions, dir: string): Promise<ExportedPact> {
  const provider = pactProviderName(contract);
  const plans: CaseInteraction[] = [];
  const skipped: string[] = [];
  const placeholders = credentialPlaceholders(contract);
  for (const c of contract.cases) {
    const recorded = options.recordedResponse(contract, c.name);
    if (recorded === undefined) {
      skipped.push(`${c.name}: no readable recording`);
      continue;
    }
    const built = buildRequest(contract, c.input, { baseUrl: BUILD_BASE, credentials: placeholders });
    const plan = caseInteraction(contract, c, built.request, recorded, options.seed(contract.vendor));
    await playAgainstMockServer(new PactV4({ consumer: options.consumer, provider, dir, logLevel: 'error' }), plan, contract);
    plans.push(plan);
  }
  const fileName = `${options.consumer}-${provider}.json`;
  const text = plans.length === 0 ? undefined : postProcess(await readFile(join(dir, fileName), 'utf8'), plans);
  const file = join(options.outDir, fileName);
  if (text !== undefined) await writeGuardedFile(file, text, options.secrets);
  return { contract: contract.id, file, interactions: plans.length, skipped };
}

/** Declare the interaction, send the case's request to the FFI mock server; the FFI writes the pact on a match. */
async function playAgainstMockServer(pact: PactV4, plan: CaseInteraction, contract: Contract): Promise<void> {
  let interaction: ReturnType<PactV4['addInteraction']> = pact.addInteraction();
  for (const state of plan.states) interaction = interaction.given(state.name, state.params as never);
  interaction = interaction.uponReceiving(plan.description);
  if (plan.comment !== undefined) interaction = interaction.comment(plan.comment);
  const { request, response } = plan;
  try {
    await interaction
      .withRequest(request.method, request.path, (b) => {
        if (Object.keys(request.query).length > 0) b.query(request.query as never);
        b.headers(request.headers as never);
        setBody(b, request.body);
      })
      .willRespondWith(response.status, (b) => {
        if (Object.keys(response.headers).length > 0) b.headers(response.headers as never);
        setBody(b, response.body);
      })
      .executeTest(async (server) => {
        const url = new URL(plan.sent.url);
        await sendOnce(`${server.url}${url.pathname}${url.search}`, plan.sent.method, plan.sent.headers, plan.sent.body);
        await settled(pact, server.port);
      });
  } catch (error) {
    throw new SuiteError('INPUT_INVALID', `pact export ${contract.id} case ${plan.case}: the Pact mock server did not accept the case's own request.`, {
      details: String((error as Error).message).split('\n').filter((l) => l.trim() !== '').slice(0, 40),
    });
  }
}

/**
 * The FFI mock server records a match only after it has answered, so asking it at once can report
 * the request as "expected but not received" (seen under load). Wait until it has recorded it.
 */
async function settled(pact: PactV4, port: number): Promise<void> {
  const handle = (pact as unknown as { pact?: { mockServerMatchedSuccessfully?: (port: number) => boolean } }).pact;
  for (let waited = 0; waited < 2000; waited += 10) {
    if (handle?.mockServerMatchedSuccessfully?.(port) === true) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface BodyBuilder {
  xmlBody(body: unknown): unknown;
  jsonBody(body: unknown): unknown;
}

function setBody(b: BodyBuilder, body: PactBody): void {
  if (body.kind === 'xml') b.xmlBody(body.builder);
  else if (body.kind === 'json') b.jsonBody(body.template);
}

interface PactFileShape {
  interactions?: Array<Record<string, unknown> & { description?: string }>;
  [key: string]: unknown;
}

/** Qualify XML rule paths (pact-js #632), order interactions as the contract's cases, and stabilize the text. */
function postProcess(text: string, plans: readonly CaseInteraction[]): string {
  const pact = JSON.parse(text) as PactFileShape;
  const interactions = pact.interactions ?? [];
  const ordered = plans.map((plan) => {
    const found = interactions.find((i) => i.description === plan.description);
    if (found === undefined) throw new Error(`The Pact FFI did not write the interaction ${plan.description}.`);
    qualifyPart(found['request'], plan.request.body);
    qualifyPart(found['response'], plan.response.body);
    return found;
  });
  return stableJson({ ...pact, interactions: ordered });
}

function qualifyPart(part: unknown, body: PactBody): void {
  if (body.kind !== 'xml' || typeof part !== 'object' || part === null) return;
  const rules = (part as { matchingRules?: { body?: BodyRules } }).matchingRules;
  if (rules?.body !== undefined) rules.body = qualifyXmlRules(rules.body, body.qualified);
}

/** mkdir -p one level at a time (Node's recursive mkdir can loop on some unwritable trees, e.g. procfs). */
async function ensureDir(dir: string): Promise<void> {
  const exists = await stat(dir).then((s) => s.isDirectory(), (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return false;
    throw error;
  });
  if (exists) return;
  if (dirname(dir) !== dir) await ensureDir(dirname(dir));
  await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}
