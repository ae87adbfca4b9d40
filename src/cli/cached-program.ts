// Entry of dist/cli/program.mjs (built by scripts/build-bundle.mjs; never run from the sources): runs the whole
// program from its CommonJS bundle, dist/cli/program.cjs, with V8's compiled code of it kept across runs. Node 20
// keeps no compiled code of ES modules (Node 22.1+ has `module.enableCompileCache`), and compiling the bundle's
// functions was about a tenth of a cold offline run. The code is taken after the command ran, so it holds the
// functions compiled on first use too (taken before the run, it saved half as much).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script, constants } from 'node:vm';
import { privateStore, type PrivateStore } from '../contract/private-store.ts';

/** What V8 accepts compiled code from: this Node (and so V8) build on this architecture. */
const RUNTIME = createHash('sha256').update(`${process.version}\0${process.arch}\0${process.versions.v8}`).digest('hex').slice(0, 16);

/** The store of V8's compiled code of the program, private and HMAC-signed as the other caches are. */
export const compiledProgramStore: PrivateStore = privateStore('compiled-program', RUNTIME, '.v8');

/**
 * The entry's id: the program's content (V8 itself checks only the source's length) and the command, whose
 * functions the entry holds compiled (a `--help` entry would hold few of a `run`'s). Arguments that do not
 * start with a command name share one entry.
 */
export function compiledCodeId(source: Buffer, argv: readonly string[]): string {
  const command = /^[a-z][a-z-]{0,31}$/.test(argv[0] ?? '') ? argv[0] : 'other';
  return `${createHash('sha256').update(source).digest('hex').slice(0, 32)}-${command}`;
}

/** The CommonJS module wrapper, as Node's own loader applies it. */
type ModuleWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

interface Program {
  main(argv: readonly string[]): Promise<number>;
}

/** The loaded program, whether V8 took its compiled code from the store, and what to call once it ran. */
export interface LoadedProgram {
  readonly program: Program;
  readonly fromStoredCode: boolean;
  done(): void;
}

/**
 * Load the CommonJS program at `file` through `node:vm` with the stored compiled code when the store holds a
 * verified entry for this very content and command; V8 rejects code made by another V8 or under other flags.
 * `done` stores the compiled code (after the command ran, so it holds the functions compiled on first use)
 * when there was no usable entry.
 */
export function loadProgram(file: string, argv: readonly string[], store: PrivateStore = compiledProgramStore): LoadedProgram {
  const source = readFileSync(file);
  const id = compiledCodeId(source, argv);
  const cachedData = store.getBytes(id);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`, {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
    // lilconfig imports ES-module config files.
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  (script.runInThisContext() as ModuleWrapper)(module.exports, createRequire(file), module, file, dirname(file));
  const done = (): void => {
    if (cachedData !== undefined && script.cachedDataRejected !== true) return;
    store.setBytes(id, script.createCachedData());
    removeOtherBuilds(store, id);
  };
  return { program: module.exports as Program, fromStoredCode: cachedData !== undefined && script.cachedDataRejected !== true, done };
}

/**
 * Remove the entries of the same command for other contents of the program (earlier builds: every build, and
 * `npm test` builds first, makes new content), so the folder holds one entry per command and Node version.
 */
function removeOtherBuilds(store: PrivateStore, id: string): void {
  const command = (entry: string): string => entry.slice(entry.indexOf('-') + 1);
  for (const other of store.ids()) if (other !== id && command(other) === command(id)) store.remove(other);
}

/** Run the command from the CommonJS program beside this file, then keep its compiled code if it was not kept. */
export async function main(argv: readonly string[]): Promise<number> {
  const { program, done } = loadProgram(fileURLToPath(new URL('program.cjs', import.meta.url)), argv);
  const code = await program.main(argv);
  done();
  return code;
}
