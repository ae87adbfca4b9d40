import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cachedValidator, type Compiled } from '../../../src/contract/cached-validator.ts';
import { createAjv } from '../../../src/contract/create-ajv.ts';
import { ownTmpdir } from '../../helpers/own-tmpdir.ts';

const SCHEMA = {
  type: 'object',
  required: ['id', 'issued'],
  properties: { id: { type: 'string', maxLength: 5 }, issued: { type: 'string', format: 'date' } },
  additionalProperties: false,
};

function compile(): Compiled {
  const ajv = createAjv({ verbose: true, code: { source: true } });
  return { ajv, validate: ajv.compile(SCHEMA) };
}

const SAMPLES = [{ id: 'A1', issued: '2026-01-31' }, { id: 'too-long', issued: '2026-02-30', extra: 1 }, { issued: 'x' }, 'not an object'];

// V8's compiled code of a stored validator is kept beside its standalone code (`.v8` entries).
describe('cachedValidator with compiled code', () => {
  const storeFolder = ownTmpdir('conformance-compiled-');
  let material: string;

  beforeEach(() => {
    material = `compiled-code\0${Math.random()}\0${JSON.stringify(SCHEMA)}`;
  });

  async function compiledEntries(): Promise<string[]> {
    const dir = storeFolder('validators');
    return (await readdir(dir)).filter((f) => f.endsWith('.v8')).map((f) => join(dir, f));
  }

  it('stores the compiled code once a validator evaluated from stored code has run, private (0600)', async () => {
    cachedValidator(material, compile);
    const evaluated = cachedValidator(material, compile);
    expect(await compiledEntries()).toEqual([]);
    evaluated({ id: 'A1', issued: '2026-01-31' });
    const [entry] = await compiledEntries();
    expect(entry).toBeDefined();
    expect((await stat(entry ?? '')).mode & 0o777).toBe(0o600);
    evaluated({ id: 'A2', issued: '2026-01-31' });
    expect(await compiledEntries()).toHaveLength(1);
  });

  it('gives the same verdicts and errors from the compiled code as the freshly compiled validator', async () => {
    const fresh = cachedValidator(material, compile);
    cachedValidator(material, compile)({ id: 'A1', issued: '2026-01-31' });
    expect(await compiledEntries()).toHaveLength(1);
    const fromCompiledCode = cachedValidator(material, compile);
    for (const data of SAMPLES) {
      expect(fromCompiledCode(data)).toBe(fresh(data));
      expect(fromCompiledCode.errors ?? null).toEqual(fresh.errors ?? null);
    }
    expect(fromCompiledCode({ id: 'too-long', issued: '2026-01-31' })).toBe(false);
    expect(fromCompiledCode.errors?.[0]).toMatchObject({ keyword: 'maxLength', instancePath: '/id', data: 'too-long' });
  });

  it('reports the errors of the last call, also through the validator that stores the compiled code', () => {
    cachedValidator(material, compile);
    const storing = cachedValidator(material, compile);
    expect(storing({ id: 'too-long', issued: '2026-01-31' })).toBe(false);
    expect(storing.errors).toHaveLength(1);
    expect(storing({ id: 'A1', issued: '2026-01-31' })).toBe(true);
    expect(storing.errors).toBeNull();
  });

  it('ignores edited compiled code (its HMAC no longer verifies) and still validates correctly', async () => {
    cachedValidator(material, compile);
    cachedValidator(material, compile)({ id: 'A1', issued: '2026-01-31' });
    const [entry] = await compiledEntries();
    const text = await readFile(entry ?? '', 'utf8');
    const newline = text.indexOf('\n');
    await writeFile(entry ?? '', `${text.slice(0, newline + 1)}AAAA${text.slice(newline + 5)}`);
    const validate = cachedValidator(material, compile);
    expect(validate({ id: 'too-long', issued: 'x' })).toBe(false);
    expect(validate({ id: 'A1', issued: '2026-01-31' })).toBe(true);
    // The entry was rewritten with a valid signature after that first call.
    expect(await readFile(entry ?? '', 'utf8')).not.toContain(`\nAAAA`);
  });
});
