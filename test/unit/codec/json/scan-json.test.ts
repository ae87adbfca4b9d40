import { describe, expect, it } from 'vitest';
import { DEFAULT_JSON_LIMITS, parseJson } from '../../../../src/codec/json/parse-json.ts';

function refusal(text: string, limits?: Parameters<typeof parseJson>[1]): { rule: string; message: string } {
  const result = parseJson(text, limits);
  if (result.ok) throw new Error(`Expected ${text.slice(0, 40)} to be refused`);
  return result.problem;
}

describe('the JSON scan counts what each limit names (RFC 8259: object members, array elements, numbers)', () => {
  it('accepts exactly maxKeys object keys and refuses one more', () => {
    expect(parseJson('{"a":1,"b":{"c":2}}', { maxKeys: 3 }).ok).toBe(true);
    expect(refusal('{"a":1,"b":{"c":2,"d":3}}', { maxKeys: 3 })).toMatchObject({ rule: 'json-too-large', message: expect.stringContaining('more object keys than the limit of 3') });
  });

  it('does not count strings in arrays, or string values, as keys', () => {
    expect(parseJson('["a","a","b",{"k":"a"}]', { maxKeys: 1 })).toEqual({ ok: true, value: ['a', 'a', 'b', { k: 'a' }] });
    expect(parseJson('{"k":["x","x"],"j":"k"}')).toEqual({ ok: true, value: { k: ['x', 'x'], j: 'k' } });
  });

  it('refuses a number that overflows to Infinity whatever digit it starts with', () => {
    for (const text of ['[9e999]', '[0.9e999]', '{"n":-9e999}', '[1.5E+400]']) expect(refusal(text).rule, text).toBe('json-number-range');
    expect(parseJson('[0e999, 9.9e307, -0.5]')).toEqual({ ok: true, value: [0, 9.9e307, -0.5] });
  });

  it('leaves a minus sign without digits to JSON.parse, which calls it malformed, not a number out of range', () => {
    for (const text of ['[-]', '{"a":-x}', 'root:x:0:0:root:/root:/bin/sh\nwww-data:x:33:33:/var/www:/usr/sbin/nologin']) {
      expect(refusal(text).rule, text).toBe('json-malformed');
    }
  });

  it('says at which character (1-based) the problem starts', () => {
    expect(refusal('{"a":1,"a":2}').message).toBe('Refused JSON: key "a" appears twice in one object (JSON.parse would keep only the last) (at character 8).');
    expect(refusal('[1, 9e999]').message).toMatch(/\(at character 5\)\.$/);
  });

  it('keeps a default limit that is passed as undefined from plain JavaScript', () => {
    const deep = `${'['.repeat(DEFAULT_JSON_LIMITS.maxDepth + 1)}${']'.repeat(DEFAULT_JSON_LIMITS.maxDepth + 1)}`;
    expect(refusal(deep, { maxDepth: undefined } as unknown as Parameters<typeof parseJson>[1]).rule).toBe('json-too-deep');
  });
});
