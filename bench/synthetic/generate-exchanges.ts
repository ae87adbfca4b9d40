/**
 * Synthetic copies of the shipped cases, for the scaling benchmark: each case is copied with a distinct
 * invoice identifier, its request rebuilt from the changed input (secret credentials as the redaction
 * marker, as recordings hold them) and answered with the original case's recorded response.
 * Writes contracts/ and recordings/ under `out`; returns the number of exchanges.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadContract } from '../../src/contract/load-contract.ts';
import { discoverContracts } from '../../src/contract/discover-contracts.ts';
import { buildRequest } from '../../src/protocols/build-request.ts';
import { REDACTED, type Har } from '../../src/recording/har.ts';
import { recordingPath } from '../../src/recording/recording-path.ts';
import { serializeHar, toHarEntry } from '../../src/recording/to-har.ts';
import type { CaseSpec, Contract } from '../../src/types/contract.ts';
import { PACKAGE_ROOT } from '../../src/package-root.ts';

const ID_FIELDS = ['id', 'number', 'reference', 'internalId'] as const;

/** Whether a case input has an invoice identifier a copy number can go into (a probe's login or search has none). */
function copyable(input: Readonly<Record<string, unknown>>): boolean {
  const invoice = (input as { invoice?: Record<string, unknown> }).invoice;
  return invoice !== undefined && ID_FIELDS.some((f) => typeof invoice[f] === 'string');
}

/** A copy of a case input whose invoice identifier carries the copy number. */
function withCopyNumber(input: Readonly<Record<string, unknown>>, k: number): Readonly<Record<string, unknown>> {
  const copy = structuredClone(input) as Record<string, unknown> & { invoice?: Record<string, unknown> };
  const invoice = copy.invoice;
  if (invoice === undefined) return copy;
  const field = ID_FIELDS.find((f) => typeof invoice[f] === 'string');
  if (field !== undefined) {
    const value = invoice[field] as string;
    invoice[field] = /^\d+$/.test(value) ? `${value}${k}` : `${value}-${k}`;
  }
  return copy;
}

/**
 * Write `copies` copies of every shipped case (copy 0 is the case itself) into `out`. A case whose input
 * has no invoice identifier (a probe's login or search) is written once: its copies would build the same
 * request, which `contract.cases-distinct` rightly fails. A documented rate limit is raised by the number
 * of copies (each copy stands for its own account), so `--target simulate` and Newman send at full speed
 * instead of waiting out the vendor's Retry-After.
 */
export async function generateExchanges(out: string, copies: number): Promise<number> {
  let exchanges = 0;
  for (const file of await discoverContracts([join(PACKAGE_ROOT, 'contracts')])) {
    const loaded = await loadContract(file);
    if (!loaded.ok) throw new Error(`${file} is invalid`);
    const contract: Contract = loaded.value.contract;
    const document = parse(await readFile(file, 'utf8')) as { cases: CaseSpec[]; behaviours?: unknown };
    const cases: CaseSpec[] = [];
    for (const c of contract.cases) {
      const har = JSON.parse(await readFile(join(PACKAGE_ROOT, 'recordings', recordingPath(contract, c)), 'utf8')) as Har;
      const original = har.log.entries[0];
      if (original === undefined) continue;
      for (let k = 0; k < (copyable(c.input) ? copies : 1); k++) {
        const name = k === 0 ? c.name : `${c.name}-x${k}`;
        const input = k === 0 ? c.input : withCopyNumber(c.input, k);
        const spec: CaseSpec = { ...(document.cases.find((d) => d.name === c.name) as CaseSpec), name, input };
        delete (spec as { recording?: string }).recording;
        cases.push(spec);
        const credentials = Object.fromEntries(Object.entries(contract.credentials).map(([n, cred]) => [n, cred.secret ? REDACTED : cred.example]));
        const built = buildRequest(contract, input, { baseUrl: contract.transport.replayBaseUrl, credentials });
        const entry = toHarEntry(
          { request: built.request, response: { status: 200, headers: {}, body: '' }, durationMs: 0 },
          { contract: contract.id, case: name, source: original._source, redactions: original._redactions, startedDateTime: original.startedDateTime },
        );
        const target = join(out, 'recordings', contract.id, `${name}.har`);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, serializeHar([{ ...entry, response: original.response }], { name: 'bench', version: '0' }));
        exchanges++;
      }
    }
    const contractOut = join(out, 'contracts', `${contract.id}.yaml`);
    await mkdir(dirname(contractOut), { recursive: true });
    await writeFile(contractOut, stringify({ ...document, cases, ...withRaisedRateLimit(document, copies) }));
  }
  return exchanges;
}

/** The document's `behaviours` with every `rate-limit`'s `perMinute` multiplied by `copies` (absent: unchanged). */
function withRaisedRateLimit(document: { readonly behaviours?: unknown }, copies: number): { behaviours?: unknown } {
  if (!Array.isArray(document.behaviours)) return {};
  const behaviours = document.behaviours.map((b: unknown) => {
    const behaviour = b as { kind?: unknown; params?: Record<string, unknown> };
    const perMinute = behaviour.params?.['perMinute'];
    if (behaviour.kind !== 'rate-limit' || typeof perMinute !== 'number') return b;
    return { ...behaviour, params: { ...behaviour.params, perMinute: perMinute * copies } };
  });
  return { behaviours };
}
