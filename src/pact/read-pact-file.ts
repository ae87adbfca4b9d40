import { readTextFile } from '../codec/text/read-text-file.ts';
import { SuiteError } from '../errors.ts';

/** Largest pact file read. */
export const MAX_PACT_BYTES = 20 * 1024 * 1024;

/** What verification needs to know of a pact file before the verifier runs. */
export interface PactFileSummary {
  readonly file: string;
  readonly consumer: string;
  readonly provider: string;
  readonly specification: string;
  readonly interactions: readonly { readonly description: string; readonly states: readonly string[] }[];
}

/**
 * Read a pact file's consumer, provider, specification version and interactions.
 * @throws SuiteError `FILE_UNREADABLE` or `INPUT_INVALID`, naming the file.
 */
export async function readPactFile(file: string): Promise<PactFileSummary> {
  const text = await readTextFile(file, { maxBytes: MAX_PACT_BYTES, name: 'MAX_PACT_BYTES' });
  if (!text.ok) throw new SuiteError('FILE_UNREADABLE', `Pact file ${text.problem}.`);
  let data: unknown;
  try {
    data = JSON.parse(text.value) as unknown;
  } catch (error) {
    throw new SuiteError('INPUT_INVALID', `Cannot read pact file ${file} (${(error as Error).message}).`);
  }
  const pact = data as { consumer?: { name?: unknown }; provider?: { name?: unknown }; metadata?: { pactSpecification?: { version?: unknown } }; interactions?: unknown };
  const consumer = pact.consumer?.name;
  const provider = pact.provider?.name;
  if (typeof consumer !== 'string' || typeof provider !== 'string' || !Array.isArray(pact.interactions)) {
    throw new SuiteError('INPUT_INVALID', `${file} is not a pact file (it needs consumer.name, provider.name and interactions).`);
  }
  const interactions = pact.interactions.map((i: { description?: unknown; providerStates?: { name?: unknown }[] }) => ({
    description: typeof i.description === 'string' ? i.description : '',
    states: (i.providerStates ?? []).map((s) => (typeof s.name === 'string' ? s.name : '')),
  }));
  const version = pact.metadata?.pactSpecification?.version;
  return { file, consumer, provider, specification: typeof version === 'string' ? version : 'unknown', interactions };
}
