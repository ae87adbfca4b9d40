import { buildCorpus } from '../../corpus/build-corpus.ts';
import { writeCorpus } from '../../corpus/write-corpus.ts';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import { displayPath } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { TOOL } from '../options.ts';

export interface CorpusFlags {
  readonly out: string;
  readonly vendor: string[];
  readonly contracts: string;
  readonly recordings: string;
}

/** The `corpus` command's action (loaded when the command runs). */
export async function corpusAction(flags: CorpusFlags, io: CliIo): Promise<void> {
  const contracts = filterByVendor(await loadAllContracts([flags.contracts]), flags.vendor);
  const corpus = await buildCorpus(contracts, flags.recordings);
  const written = await writeCorpus(corpus, flags.out, TOOL);
  const responses = new Set(corpus.items.map((i) => `${i.contract}#${i.response}`)).size;
  io.stdout.write(`Wrote ${written.files} bodies of ${responses} documented responses (${contracts.length} contracts) to ${displayPath(written.dir)}; index: ${displayPath(written.index)}\n`);
  if (corpus.missing.length > 0) io.stdout.write(`Documented responses no recording shows (no body to vary): ${corpus.missing.join(', ')}\n`);
}
