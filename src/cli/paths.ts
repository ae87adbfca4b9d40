import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { SuiteError } from '../errors.ts';
import { resolveProjectPaths } from './config/project-config.ts';

/** The package root (where contracts/ and recordings/ ship), whatever the working directory. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The contracts the package ships; always available by id. */
export const SHIPPED_CONTRACTS = join(PACKAGE_ROOT, 'contracts');

/** The recordings the package ships. */
export const SHIPPED_RECORDINGS = join(PACKAGE_ROOT, 'recordings');

/**
 * The working directory's project: its config file (conformance.config.{json,yaml}, or `conformance` in
 * package.json), else ./contracts and ./recordings when they exist, else what the package ships.
 */
export const PROJECT = resolveProjectPaths(process.cwd(), { contracts: SHIPPED_CONTRACTS, recordings: SHIPPED_RECORDINGS });

/** Default folder of contract files (see {@link PROJECT}). */
export const DEFAULT_CONTRACTS = PROJECT.contracts;

/** Default folder of recordings (see {@link PROJECT}). */
export const DEFAULT_RECORDINGS = PROJECT.recordings;

/** Default folder commands write into: the project's out/, never inside the installed package. */
export const DEFAULT_OUT = PROJECT.out;

/** A path as a user would like to read it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}

/**
 * Refuse to write under node_modules: an installed package is not the user's project.
 * @throws SuiteError `USAGE` naming the path and the option to change it.
 */
export function refuseNodeModules(path: string, option: string): void {
  if (resolve(path).split(sep).includes('node_modules')) throw new SuiteError('USAGE', `Refusing to write into node_modules (${displayPath(path)}); choose a folder of your project with ${option}.`);
}
