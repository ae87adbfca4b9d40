/**
 * Seed a recording from a vendor document: the request is what `conformance build` makes of the
 * case's input (secret credentials written as the redaction marker), the response is transcribed
 * from the doc or vendor material. Used once per doc example; later recordings come from `record`.
 *
 *   node --import tsx scripts/seed-recording.ts <contract-id> <case> --response-file F --status N \
 *     [--header "K: V"]... --kind doc|vendor-material|described --doc PATH --example TEXT [--note TEXT]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContract } from '../src/contract/load-contract.ts';
import { buildRequest } from '../src/protocols/build-request.ts';
import { REDACTED, type HarSource } from '../src/recording/har.ts';
import { recordingPath } from '../src/recording/recording-path.ts';
import { serializeHar, toHarEntry } from '../src/recording/to-har.ts';
import { describePlace, secretPlaces } from '../src/recording/secret-paths.ts';
import { PACKAGE_ROOT } from '../src/cli/paths.ts';
import { TOOL } from '../src/cli/options.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    'response-file': { type: 'string' },
    status: { type: 'string', default: '200' },
    header: { type: 'string', multiple: true, default: [] },
    kind: { type: 'string', default: 'doc' },
    doc: { type: 'string' },
    example: { type: 'string' },
    note: { type: 'string' },
    date: { type: 'string', default: '2026-11-21T00:00:00.000Z' },
  },
});
const [id, caseName] = positionals;
if (id === undefined || caseName === undefined || values.doc === undefined || values.example === undefined) {
  throw new Error('usage: seed-recording.ts <contract-id> <case> --response-file F --status N --kind K --doc D --example E');
}
const loaded = await loadContract(join(PACKAGE_ROOT, 'contracts', `${id}.yaml`));
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problem, null, 2));
const contract = loaded.value.contract;
const c = contract.cases.find((x) => x.name === caseName);
if (c === undefined) throw new Error(`no case ${caseName}`);
const credentials = Object.fromEntries(Object.entries(contract.credentials).map(([n, cred]) => [n, cred.secret ? REDACTED : cred.example]));
const built = buildRequest(contract, c.input, { baseUrl: contract.transport.replayBaseUrl, credentials });
const body = values['response-file'] === undefined ? '' : await readFile(values['response-file'], 'utf8');
const headers = Object.fromEntries(values.header.map((h) => [h.slice(0, h.indexOf(':')).trim().toLowerCase(), h.slice(h.indexOf(':') + 1).trim()]));
const redactions = secretPlaces(contract).map(describePlace);
const source: HarSource = { kind: values.kind as HarSource['kind'], doc: values.doc, example: values.example, ...(values.note === undefined ? {} : { note: values.note }) };
const entry = toHarEntry(
  { request: built.request, response: { status: Number(values.status), headers, body }, durationMs: 0 },
  { contract: contract.id, case: caseName, source, redactions, startedDateTime: values.date },
);
const out = join(PACKAGE_ROOT, 'recordings', recordingPath(contract, c));
await mkdir(dirname(out), { recursive: true });
await writeFile(out, serializeHar([entry], TOOL));
console.log(`wrote ${out}${built.violations.length > 0 ? ` (build violations: ${JSON.stringify(built.violations)})` : ''}`);
