import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_JSON_LIMITS } from '../../../../src/codec/json/parse-json.ts';
import { scanJson } from '../../../../src/codec/json/scan-json.ts';

// Strings heavy in quotes and backslashes, the characters that decide where a JSON string ends.
const tricky = fc.string({ unit: fc.constantFrom('"', '\\', 'a', '/', 'é', '\n', '{', '}', ':', ','), maxLength: 12 });

describe('scanJson on strings with quotes and backslashes', () => {
  it('accepts any object with distinct such keys and values, as JSON.stringify writes it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(tricky, tricky), { selector: ([k]) => k, maxLength: 6 }), (pairs) => {
        const text = JSON.stringify(Object.fromEntries(pairs));
        expect(scanJson(text, DEFAULT_JSON_LIMITS)).toBeUndefined();
      }),
    );
  });

  it('refuses a key written twice, whatever the escapes in it and in the value between', () => {
    fc.assert(
      fc.property(tricky, tricky, (key, value) => {
        const k = JSON.stringify(key);
        const problem = scanJson(`{${k}:${JSON.stringify(value)},${k}:1}`, DEFAULT_JSON_LIMITS);
        expect(problem?.rule).toBe('json-duplicate-key');
      }),
    );
  });

  it('ends a string at a quote after an even run of backslashes, not after an odd one', () => {
    // "a\\" is the string a\ followed by the key "b"; "a\"" is the string a" alone.
    expect(scanJson('{"a\\\\":1,"a\\\\":2}', DEFAULT_JSON_LIMITS)?.rule).toBe('json-duplicate-key');
    expect(scanJson('{"a\\\\\\"":1,"a\\\\":2}', DEFAULT_JSON_LIMITS)).toBeUndefined();
  });

  it('measures a string with escaped quotes by its length in the text', () => {
    const text = JSON.stringify({ k: '"'.repeat(10) });
    expect(scanJson(text, { ...DEFAULT_JSON_LIMITS, maxStringChars: 20 })).toBeUndefined();
    expect(scanJson(text, { ...DEFAULT_JSON_LIMITS, maxStringChars: 19 })?.rule).toBe('json-too-large');
  });
});
