import { createRequire } from 'node:module';
import type { Ajv, Options } from 'ajv';

type AjvModule = typeof import('ajv');
const requireFromHere = createRequire(import.meta.url);
let loaded: AjvModule | undefined;

/**
 * ajv itself, loaded on first use rather than with the program (and, from the bundle, from node_modules): a
 * run whose validators all come from the cache (see `cachedValidator`) compiles nothing and never loads it.
 */
export function ajvModule(): AjvModule {
  loaded ??= requireFromHere('ajv') as AjvModule;
  return loaded;
}

/** A new Ajv with formats, reporting every error (not just the first). */
export function createAjv(options: Options = {}): Ajv {
  const ajv = new (ajvModule().Ajv)({ allErrors: true, strict: false, ...options });
  // ajv-formats is CommonJS: its module is the plugin function.
  (requireFromHere('ajv-formats') as (ajv: Ajv) => Ajv)(ajv);
  return ajv;
}
