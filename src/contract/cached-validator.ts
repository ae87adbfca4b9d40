import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import type { Ajv, ValidateFunction } from 'ajv';
import ajvPkg from 'ajv/package.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import { privateStore } from './private-store.ts';

/** The standalone code's `require("ajv/dist/runtime/...")` and `require("ajv-formats/dist/formats")`. */
const requireFromHere = createRequire(import.meta.url);

/** ajv's standalone code of a compiled validator; its module (CommonJS) loads with ajv, on a cache miss only. */
function standaloneCode(ajv: Ajv, validate: ValidateFunction): string {
  return (requireFromHere('ajv/dist/standalone/index.js') as (ajv: Ajv, validate: ValidateFunction) => string)(ajv, validate);
}

// What the generated code depends on besides the caller's material: the tool and ajv versions.
const ENGINE = createHash('sha256').update(pkg.version).update('\0').update(ajvPkg.version).digest('hex').slice(0, 16);

const store = privateStore('validators', ENGINE, '.js');
// V8's compiled code of the stored code, per V8 version (V8 refuses code compiled by another version or flags).
const compiledStore = privateStore('validators', `${ENGINE}-${createHash('sha256').update(process.versions.v8).digest('hex').slice(0, 8)}`, '.v8');

/** A compiled validator and the Ajv that compiled it (with `code: { source: true }`, to cache it). */
export interface Compiled {
  readonly ajv: Ajv;
  readonly validate: ValidateFunction;
}

/**
 * A validator compiled once per distinct `material` (the schema's content and whatever else shapes the
 * generated code: options, custom keywords), across runs: ajv's standalone code of it is kept in a private,
 * HMAC-signed store (see `privateStore`, beside the contract cache), and a later run evaluates that code
 * instead of compiling the schema again, which is most of ajv's cost. V8's compiled code of it is kept in the
 * same store, so a later run does not compile the JavaScript either. A missing, tampered or unusable entry,
 * or a validator standalone code cannot express, falls back to `compile()`.
 */
export function cachedValidator(material: string, compile: () => Compiled): ValidateFunction {
  const id = createHash('sha256').update(material).digest('hex');
  const code = store.get(id);
  const loaded = code === undefined ? undefined : evaluate(code, id);
  if (loaded !== undefined) return loaded;
  const compiled = compile();
  try {
    store.set(id, standaloneCode(compiled.ajv, compiled.validate));
  } catch {
    // Not expressible as standalone code (or no code.source): only not cached.
  }
  return compiled.validate;
}

/**
 * Evaluate verified standalone code (CommonJS) into its validate function, from V8's compiled code of it when
 * the store has that (V8 checks it was made from this very text); otherwise the compiled code is stored once
 * the validator has run, so that it holds the functions compiled on first use too.
 */
function evaluate(code: string, id: string): ValidateFunction | undefined {
  try {
    const stored = compiledStore.get(id);
    const script = new Script(`(function (require, module, exports) {${code}\n})`, { filename: `ajv-validator-${id.slice(0, 16)}.js`, ...(stored === undefined ? {} : { cachedData: Buffer.from(stored, 'base64') }) });
    const module: { exports: unknown } = { exports: {} };
    // The text passed the store's HMAC check: it is code this user's own run generated with ajv.
    (script.runInThisContext() as (require: NodeJS.Require, module: object, exports: unknown) => void)(requireFromHere, module, module.exports);
    if (typeof module.exports !== 'function') return undefined;
    const validate = module.exports as ValidateFunction;
    return stored === undefined || script.cachedDataRejected === true ? storingCompiledCode(validate, () => compiledStore.set(id, script.createCachedData().toString('base64'))) : validate;
  } catch {
    return undefined;
  }
}

/** `validate`, which calls `store` after its first call; its `errors` are those of `validate`'s last call. */
function storingCompiledCode(validate: ValidateFunction, store: () => void): ValidateFunction {
  let stored = false;
  const wrapped = Object.assign(function (this: unknown, ...args: Parameters<ValidateFunction>) {
    const valid = validate.apply(this, args);
    wrapped.errors = validate.errors ?? null;
    if (!stored) {
      stored = true;
      store();
    }
    return valid;
  }, validate) as ValidateFunction;
  return wrapped;
}
