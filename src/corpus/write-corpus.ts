import { lstat, mkdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { SuiteError } from '../errors.ts';
import { CORPUS_INDEX_VERSION, type Corpus } from './build-corpus.ts';

/** Most files a corpus may have: a bound on what one command writes. */
export const MAX_CORPUS_FILES = 10_000;

/** What was written. */
export interface WrittenCorpus {
  readonly dir: string;
  readonly files: number;
  readonly index: string;
}

/**
 * Write every corpus body under `dir/<vendor>/<operation>/<case>/<variant>.<ext>` and then `dir/index.json`,
 * each atomically (write-file-atomic). Refuses a folder inside node_modules and never replaces a symlink
 * or anything that is not a regular file.
 * @throws SuiteError `USAGE` for a folder inside node_modules, a symlink in the way, or a file that cannot be written.
 */
export async function writeCorpus(corpus: Corpus, dir: string, tool: { readonly name: string; readonly version: string }): Promise<WrittenCorpus> {
  const root = resolve(dir);
  if (root.split(sep).includes('node_modules')) throw new SuiteError('USAGE', `Refusing to write the corpus into node_modules (${dir}); choose a folder of your project with --out.`);
  if (corpus.items.length > MAX_CORPUS_FILES) throw new SuiteError('USAGE', `The corpus would have ${corpus.items.length} files, more than ${MAX_CORPUS_FILES}; select fewer vendors with --vendor.`);
  for (const item of corpus.items) await writeOne(join(root, item.file), item.body);
  const index = {
    schemaVersion: CORPUS_INDEX_VERSION,
    tool,
    items: corpus.items.map(({ body: _body, headers: _headers, ...item }) => item),
    missing: corpus.missing,
  };
  const indexPath = join(root, 'index.json');
  await writeOne(indexPath, `${JSON.stringify(index, null, 2)}\n`);
  return { dir: root, files: corpus.items.length, index: indexPath };
}

async function writeOne(path: string, data: string): Promise<void> {
  try {
    await refuseNonFile(path);
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, data, { encoding: 'utf8' });
  } catch (error) {
    if (error instanceof SuiteError) throw error;
    throw new SuiteError('USAGE', `Cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

async function refuseNonFile(path: string): Promise<void> {
  try {
    const info = await lstat(path);
    if (!info.isFile()) throw new SuiteError('USAGE', `Refusing to replace ${path}: it is a ${info.isSymbolicLink() ? 'symbolic link' : 'special file or folder'}, not a regular file.`);
  } catch (error) {
    if (error instanceof SuiteError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
