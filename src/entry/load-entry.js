// How the package's library entries (index.js, msw.js) load their module: from the prebuilt ES bundle in
// dist/lib/ (scripts/build-library.mjs, run by `npm run build` and `prepare`) when it is fresh, else from the
// TypeScript sources through tsx, registered in its own namespace so that only our modules go through it.
// Decided once per process, so `.` and `./msw` always share one copy of the engine (one SuiteError class).
// With the bundle, tsx is never loaded: the consumer's process keeps its own loaders only. Either way, the
// packages our code imports (msw above all) are the consumer's instances (see shared-packages.js).
import { bundleIsFresh } from './bundle-is-fresh.js';

const root = new URL('../../', import.meta.url);

/** The library bundle's manifest, relative to the package root. */
export const LIBRARY_MANIFEST = 'dist/lib/manifest.json';

/** @type {boolean | undefined} */
let fresh;
/** @type {{ import: (specifier: string, parentURL: string) => Promise<unknown> } | undefined} */
let tsx;

/**
 * The module of one library entry: `dist/lib/<bundleName>` when the bundle is fresh, else `<source>`
 * (relative to src/entry/) through tsx.
 * @param {string} bundleName the entry's file in dist/lib/, e.g. `index.mjs`
 * @param {string} source the TypeScript entry, relative to this folder, e.g. `../index.ts`
 * @returns {Promise<Record<string, unknown>>}
 */
export async function loadEntry(bundleName, source) {
  fresh ??= bundleIsFresh(root, LIBRARY_MANIFEST);
  if (fresh) return import(new URL(`dist/lib/${bundleName}`, root).href);
  if (tsx === undefined) {
    const { register } = await import('tsx/esm/api');
    const { NAMESPACE, sharePackages } = await import('./shared-packages.js');
    tsx = register({ namespace: NAMESPACE });
    sharePackages();
  }
  return /** @type {Promise<Record<string, unknown>>} */ (tsx.import(source, import.meta.url));
}
