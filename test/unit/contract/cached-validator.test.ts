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

/** A compile that counts its calls, as the callers pass one. */
function counting(): { compile: () => Compiled; calls: () => number } {
  let calls = 0;
  return {
    compile: () => {
      calls += 1;
      const ajv = createAjv({ verbose: true, code: { source: true } });
      return { ajv, validate: ajv.compile(SCHEMA) };
    },
    calls: () => calls,
  };
}

describe('cachedValidator', () => {
  const storeFolder = ownTmpdir('conformance-validators-');
  let material: string;

  beforeEach(() => {
    material = `test\0${Math.random()}\0${JSON.stringify(SCHEMA)}`;
  });

  async function entries(): Promise<string[]> {
    const dir = storeFolder('validators');
    return (await readdir(dir)).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));
  }

  it('compiles a schema once and later evaluates the stored code, with the same verdicts and errors', () => {
    const first = counting();
    const compiled = cachedValidator(material, first.compile);
    const second = counting();
    const cached = cachedValidator(material, second.compile);
    expect(first.calls()).toBe(1);
    expect(second.calls()).toBe(0);
    expect(cached).not.toBe(compiled);
    for (const data of [{ id: 'A1', issued: '2026-01-31' }, { id: 'too-long', issued: '2026-02-30', extra: 1 }, { issued: 'x' }]) {
      expect(cached(data)).toBe(compiled(data));
      expect(cached.errors ?? null).toEqual(compiled.errors ?? null);
    }
    expect(cached({ id: 'too-long', issued: '2026-01-31' })).toBe(false);
    expect(cached.errors?.[0]).toMatchObject({ keyword: 'maxLength', instancePath: '/id', data: 'too-long' });
  });

  it('keeps the code private: folders 0700, entries 0600', async () => {
    cachedValidator(material, counting().compile);
    const [entry] = await entries();
    expect(entry).toBeDefined();
    expect((await stat(entry ?? '')).mode & 0o777).toBe(0o600);
    expect((await stat(join(entry ?? '', '..'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(entry ?? '', '..', '..'))).mode & 0o777).toBe(0o700);
  });

  it('ignores stored code that was edited (its HMAC no longer verifies) and compiles again', async () => {
    cachedValidator(material, counting().compile);
    const [entry] = await entries();
    const text = await readFile(entry ?? '', 'utf8');
    // The MAC line kept, the code after it edited to accept anything.
    const newline = text.indexOf('\n');
    const tampered = `${text.slice(0, newline + 1)}module.exports = () => true; return;\n${text.slice(newline + 1)}`;
    expect(tampered).not.toBe(text);
    await writeFile(entry ?? '', tampered);
    const again = counting();
    const validate = cachedValidator(material, again.compile);
    expect(again.calls()).toBe(1);
    expect(validate({ id: 'too-long', issued: 'x' })).toBe(false);
  });

  it('compiles again for other material (a changed schema or option misses the cache)', () => {
    cachedValidator(material, counting().compile);
    const other = counting();
    cachedValidator(`${material} changed`, other.compile);
    expect(other.calls()).toBe(1);
  });
});
