import { describe, expect, it } from 'vitest';
import { DEFAULT_JSON_LIMITS, parseJson } from '../../../../src/codec/json/parse-json.ts';

const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('parseJson', () => {
  it('parses a JSON document into its value', () => {
    expect(parseJson('{"status":{"code":"OK","message":null},"n":[1,2.5]}')).toEqual({
      ok: true,
      value: { status: { code: 'OK', message: null }, n: [1, 2.5] },
    });
  });

  it('documents a 5 MiB and 64-level default limit', () => {
    expect(DEFAULT_JSON_LIMITS).toMatchObject({ maxBytes: 5 * 1024 * 1024, maxDepth: 64 });
  });

  it('refuses malformed JSON with the parser reason and never throws', () => {
    const result = parseJson('{"a":1,}');
    expect(result).toMatchObject({ ok: false, problem: { rule: 'json-malformed', message: expect.stringMatching(/^Malformed JSON: /) } });
  });

  it('accepts a body of exactly maxBytes UTF-8 bytes and refuses one byte more, counting bytes not characters', () => {
    const limits = { maxBytes: 10, maxDepth: 64 };
    expect(parseJson('"éééé"', limits)).toEqual({ ok: true, value: 'éééé' }); // 2 quotes + 4 × 2 bytes = 10
    expect(parseJson('"ééééa"', limits)).toEqual({
      ok: false,
      problem: { rule: 'json-too-large', message: 'JSON body is 11 bytes; the limit is 10' },
    });
  });

  it('accepts nesting of exactly maxDepth and refuses one level more, for objects and arrays alike', () => {
    const limits = { maxBytes: 1024, maxDepth: 3 };
    expect(parseJson(nested(3), limits).ok).toBe(true);
    expect(parseJson(nested(4), limits)).toMatchObject({ ok: false, problem: { rule: 'json-too-deep', message: expect.stringContaining('JSON nests deeper than the limit of 3 levels') } });
    expect(parseJson('{"a":{"b":{"c":{}}}}', limits)).toMatchObject({ ok: false, problem: { rule: 'json-too-deep' } });
    expect(parseJson('{"a":{"b":{"c":1}}}', limits).ok).toBe(true);
  });

  it('measures depth as the deepest point, not the number of brackets', () => {
    expect(parseJson('[[1],[2],[3],[4]]', { maxBytes: 1024, maxDepth: 2 })).toEqual({ ok: true, value: [[1], [2], [3], [4]] });
    expect(parseJson('[{},{"a":{}},{}]', { maxBytes: 1024, maxDepth: 3 })).toEqual({ ok: true, value: [{}, { a: {} }, {}] });
    expect(parseJson('[{},{},{}]', { maxBytes: 1024, maxDepth: 2 })).toEqual({ ok: true, value: [{}, {}, {}] });
  });

  it('does not count brackets inside strings, including after an escaped quote', () => {
    const limits = { maxBytes: 1024, maxDepth: 1 };
    expect(parseJson('["[[[{{{"]', limits)).toEqual({ ok: true, value: ['[[[{{{'] });
    expect(parseJson('["a\\"[[[", "\\\\", "]"]', limits)).toEqual({ ok: true, value: ['a"[[[', '\\', ']'] });
    expect(parseJson('["\\\\", [[1]]]', limits)).toMatchObject({ ok: false, problem: { rule: 'json-too-deep' } });
  });
});
