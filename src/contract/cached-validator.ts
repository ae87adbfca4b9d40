import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv, ValidateFunction } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import ajvPkg from 'ajv/package.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import { privateStore } from './private-store.ts';

// ajv's standalone module is CommonJS; under NodeNext its default import is the module object.
const standaloneCode = standaloneModule as unknown as (ajv: Ajv, validate: ValidateFunction) => string;

/** The standalone code's `require("ajv/dist/runtime/...")` and `require("ajv-formats/dist/formats")`. */
const requireFromHere = createRequire(import.meta.url);

// What the generated code depends on besides the caller's material: the tool and ajv versions.
const ENGINE = createHash('sha256').update(pkg.version).update('\0').update(ajvPkg.version).digest('hex').slice(0, 16);

const store = privateStore('validators', ENGINE, '.js');

/** A compiled validator and the Ajv that compiled it (with `code: { source: true }`, to cache it). */
export interface Compiled {
  readonly ajv: Ajv;
  readonly validate: ValidateFunction;
}

/**
 * A validator compiled once per distinct `material` (the schema's content and whatever else shapes the
 * generated code: options, custom keywords), across runs: ajv's standalone code of it is kept in a private,
 * HMAC-signed store (see `privateStore`, beside the contract cache), and a later run evaluates that code
 * instead of compiling the schema again, which is most of ajv's cost. A missing, tampered or unusable entry,
 * or a validator standalone code cannot express, falls back to `compile()`.
 */
export function cachedValidator(material: string, compile: () => Compiled): ValidateFunction {
  const id = createHash('sha256').update(material).digest('hex');
  const code = store.get(id);
  const loaded = code === undefined ? undefined : evaluate(code);
  if (loaded !== undefined) return loaded;
  const compiled = compile();
  try {
    store.set(id, standaloneCode(compiled.ajv, compiled.validate));
  } catch {
    // Not expressible as standalone code (or no code.source): only not cached.
  }
  return compiled.validate;
}

/** Evaluate verified standalone code (CommonJS) into its validate function. */
function evaluate(code: string): ValidateFunction | undefined {
  try {
    const module: { exports: unknown } = { exports: {} };
    // The text passed the store's HMAC check: it is code this user's own run generated with ajv.
    new Function('require', 'module', 'exports', code)(requireFromHere, module, module.exports);
    return typeof module.exports === 'function' ? (module.exports as ValidateFunction) : undefined;
  } catch {
    return undefined;
  }
}
