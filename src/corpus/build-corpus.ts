import type { Contract, LoadedContract } from '../types/contract.ts';
import type { HttpResponse } from '../model/http.ts';
import type { Outcome } from '../model/outcome.ts';
import { classifyResponse } from '../protocols/classify-response.ts';
import { createRecordingCache } from '../recording/recording-cache.ts';
import { entryResponse } from '../recording/entry-to-exchange.ts';
import { loadReplayEntries } from '../targets/load-replay-entries.ts';
import { responseVariants } from './response-variants.ts';

/** Version of the corpus index shape (`index.json`). */
export const CORPUS_INDEX_VERSION = 1;

/** One file of the corpus and what a correct parser must conclude from it. */
export interface CorpusItem {
  readonly contract: string;
  /** The case whose recording the body comes from. */
  readonly case: string;
  /** The documented response it is (the contract's `responses[].name`). */
  readonly response: string;
  readonly variant: string;
  /** Path of the body file, relative to the corpus folder. */
  readonly file: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly outcome: Outcome;
  readonly vendorCode: string | null;
  readonly message: string | null;
}

/** The corpus: its items with their bodies, and documented responses no recording shows. */
export interface Corpus {
  readonly items: readonly (CorpusItem & { readonly body: string; readonly headers: Readonly<Record<string, string>> })[];
  /** `contract#response` of documented responses no recording exercises (so no body to vary). */
  readonly missing: readonly string[];
}

/**
 * Every documented response of the contracts, from their recordings, in every generated serialization.
 * The conclusion a correct parser must reach is the recorded body's classification, which must equal the
 * case's `expect` (outcome, and vendorCode and message where the case states them).
 * @throws Error when a recording classifies differently from its case's expect (a broken fixture).
 */
export async function buildCorpus(contracts: readonly LoadedContract[], recordingsDir: string): Promise<Corpus> {
  const entries = await loadReplayEntries(contracts, recordingsDir, createRecordingCache());
  const items: Corpus['items'][number][] = [];
  const shown = new Set<string>();
  for (const { contract, entry } of entries) {
    const spec = contract.cases.find((c) => c.name === entry._case);
    if (spec === undefined) continue;
    const response = entryResponse(entry);
    const expected = classifyResponse(contract, response);
    assertAsExpected(contract, spec.name, expected, spec.expect);
    if (expected.matched === null) continue;
    shown.add(`${contract.id}#${expected.matched}`);
    const documented = contract.responses.find((r) => r.name === expected.matched);
    for (const variant of responseVariants(contract, response, documented)) {
      items.push({
        contract: contract.id,
        case: spec.name,
        response: expected.matched,
        variant: variant.name,
        file: `${contract.id}/${spec.name}/${variant.name}${extension(contract, response)}`,
        status: response.status,
        contentType: response.headers['content-type'] ?? null,
        headers: response.headers,
        outcome: expected.outcome,
        vendorCode: expected.vendorCode,
        message: expected.message,
        body: variant.body,
      });
    }
  }
  const missing = contracts.flatMap(({ contract }) => contract.responses.map((r) => `${contract.id}#${r.name}`)).filter((id) => !shown.has(id));
  return { items: items.sort((a, b) => a.file.localeCompare(b.file)), missing };
}

function assertAsExpected(contract: Contract, name: string, got: ReturnType<typeof classifyResponse>, expect: Contract['cases'][number]['expect']): void {
  const wrong = got.outcome !== expect.outcome || (expect.vendorCode !== undefined && got.vendorCode !== expect.vendorCode) || (expect.message !== undefined && got.message !== expect.message);
  if (wrong) throw new Error(`${contract.id}#${name}: the recording classifies as ${got.outcome} ${JSON.stringify(got.vendorCode)} ${JSON.stringify(got.message)}, the case expects ${JSON.stringify(expect)}`);
}

function extension(contract: Contract, response: HttpResponse): string {
  const type = response.headers['content-type'] ?? '';
  if (response.body.trim() === '') return '.txt';
  if (/json/.test(type) || (contract.protocol === 'json' && !/html|xml/.test(type))) return '.json';
  if (/html/.test(type)) return '.html';
  return /xml/.test(type) || response.body.trimStart().startsWith('<') ? '.xml' : '.txt';
}
