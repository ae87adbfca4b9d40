import type { Command } from 'commander';
import { DEFAULT_CONTRACTS, DEFAULT_RECORDINGS } from '../paths.ts';
import type { CliIo } from '../io.ts';
import { collect } from '../options.ts';
import type { CorpusFlags } from '../commands/corpus.ts';

/** `conformance corpus`: every documented response in every legal serialization, with what a parser must conclude. */
export function registerCorpus(program: Command, io: CliIo): void {
  program
    .command('corpus')
    .description('Write every documented response of every contract in every legal serialization, with an index of the outcome, vendor code and message a correct parser must conclude')
    .requiredOption('--out <dir>', 'folder to write the corpus and its index.json into (never inside node_modules)')
    .option('--vendor <vendor>', 'only this vendor (repeatable)', collect, [])
    .option('--contracts <dir>', 'folder or file of contracts', DEFAULT_CONTRACTS)
    .option('--recordings <dir>', 'recordings holding the documented response bodies', DEFAULT_RECORDINGS)
    .addHelpText('after', [
      '',
      'Variants: the recorded body; other prefixes; a default namespace; no XML declaration; compact and pretty;',
      'attributes reordered; optional elements absent; <a></a> for <a/>; CDATA text; a leading BOM; for JSON,',
      'another member order, compact, pretty and optional members absent.',
      'index.json lists, per file: contract, case, response, variant, status, contentType, outcome, vendorCode, message.',
      'Example: conformance corpus --vendor ebizcharge --out test/corpus',
    ].join('\n'))
    .action(async (flags: CorpusFlags) => {
      const { corpusAction } = await import('../commands/corpus.ts');
      await corpusAction(flags, io);
    });
}
