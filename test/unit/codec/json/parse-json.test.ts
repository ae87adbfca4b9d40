import { describe, expect, it } from 'vitest';
import { DEFAULT_JSON_LIMITS, parseJson } from '../../../../src/codec/json/parse-json.ts';
import type { JsonProblem } from '../../../../src/codec/json/parse-json.ts';

function problemOf(text: string, limits?: Parameters<typeof parseJson>[1]): JsonProblem {
  const result = parseJson(text, limits);
  if (result.ok) throw new Error(`Expected ${text.slice(0, 40)} to be refused`);
  return result.problem;
}

describe('parseJson', () => {
  it('parses ordinary JSON exactly as JSON.parse does', () => {
    const text = '{"a":[1,-2.5e3,"x\\"y",{"b":null}],"c":true,"d":"\\u0061"}';
    expect(parseJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('refuses a duplicate key, also when it is spelled with an escape', () => {
    expect(problemOf('{"a":1,"a":2}')).toMatchObject({ rule: 'json-duplicate-key' });
    expect(problemOf('{"a":1,"\\u0061":2}').message).toContain('"a" appears twice');
  });

  it('accepts the same key in different objects and a value equal to a key', () => {
    expect(parseJson('{"a":{"a":1},"b":[{"a":1},{"a":2}],"c":"a"}').ok).toBe(true);
  });

  it('refuses numbers that overflow to Infinity', () => {
    expect(problemOf('{"total":1e309}')).toMatchObject({ rule: 'json-number-range' });
    expect(problemOf('[-1e309]').message).toContain('-1e309');
    expect(parseJson('[1e308]').ok).toBe(true);
  });

  it('refuses nesting past the depth limit and counts depth outside strings only', () => {
    expect(problemOf('['.repeat(65) + ']'.repeat(65))).toMatchObject({ rule: 'json-too-deep' });
    expect(parseJson('['.repeat(64) + ']'.repeat(64)).ok).toBe(true);
    expect(parseJson(`["${'['.repeat(100)}"]`).ok).toBe(true);
  });

  it('refuses more keys than the key limit', () => {
    expect(problemOf('{"a":1,"b":2,"c":3}', { maxKeys: 2 }).message).toContain('more object keys than the limit of 2');
    const wide = `{${Array.from({ length: DEFAULT_JSON_LIMITS.maxKeys + 1 }, (_, i) => `"k${i}":0`).join(',')}}`;
    expect(problemOf(wide).rule).toBe('json-too-large');
  });

  it('refuses more objects and arrays than the container limit', () => {
    expect(problemOf('[{},[],{}]', { maxContainers: 3 }).message).toContain('more objects and arrays than the limit of 3');
    expect(problemOf(`[${Array(DEFAULT_JSON_LIMITS.maxContainers).fill('{}').join(',')}]`).rule).toBe('json-too-large');
    expect(parseJson('[{},[],{}]', { maxContainers: 4 }).ok).toBe(true);
  });

  it('refuses a string longer than the string limit', () => {
    expect(problemOf('["abcdef"]', { maxStringChars: 5 }).message).toContain('longer than the limit of 5 characters');
    expect(parseJson('["abcde"]', { maxStringChars: 5 }).ok).toBe(true);
  });

  it('refuses a body over the byte limit and reports malformed JSON without throwing', () => {
    expect(problemOf('[1]', { maxBytes: 2 }).rule).toBe('json-too-large');
    expect(problemOf('{"a":').rule).toBe('json-malformed');
    expect(problemOf('{"a":1,}').rule).toBe('json-malformed');
  });
});
