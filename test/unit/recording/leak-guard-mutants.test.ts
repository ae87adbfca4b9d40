import { describe, expect, it } from 'vitest';
import { assertNoSecrets, describeLeak, findLeaks } from '../../../src/recording/leak-guard.ts';
import { isSuiteError } from '../../../src/errors.ts';

// The leak guard's encodings, listed here as literal texts (worked out by hand from the XML 1.0, RFC 8259,
// RFC 3986, WHATWG URL and RFC 4648 rules, checked against Node's encoders), never computed by the guard.
// The secret holds every character one of those encodings changes; 12 characters, so no substring
// window applies.
const SECRET = `a&<>"' ~*/+é`;

const named = (text: string, secrets: readonly string[] = [SECRET]): string => findLeaks([{ path: 'out/f.har', text: `{"x":"${text}"}` }], secrets)[0]?.encoding ?? 'nothing';

function refusal(files: readonly { path: string; text: string }[], secrets: readonly string[]): { code: string; message: string; details: readonly string[] } | undefined {
  try {
    assertNoSecrets(files, secrets);
    return undefined;
  } catch (error) {
    if (!isSuiteError(error)) throw error;
    return { code: error.code, message: error.message, details: error.details };
  }
}

describe('leak guard: one encoding each, named', () => {
  it.each([
    ['as is', `a&<>"' ~*/+é`],
    ['XML-escaped', `a&amp;&lt;&gt;"' ~*/+é`],
    ['XML-attribute-escaped', `a&amp;&lt;&gt;&quot;&apos; ~*/+é`],
    ['XML numeric-escaped', `a&#38;&#60;&#62;&#34;&#39; ~*/+é`],
    ['XML hex-escaped', `a&#x26;&#x3c;&#x3e;&#x22;&#x27; ~*/+é`],
    ['JSON-escaped', `a&<>\\"' ~*/+é`],
    ['JSON-escaped (\\u for markup)', `a\\u0026\\u003c\\u003e\\"\\u0027 ~*/\\u002bé`],
    ['URL-encoded', `a%26%3C%3E%22'%20~*%2F%2B%C3%A9`],
    // Percent-encoding hex digits may be either case (RFC 3986 section 2.1).
    ['URL-encoded', `a%26%3c%3e%22'%20~*%2f%2b%c3%a9`],
    // WHATWG URL application/x-www-form-urlencoded (URLSearchParams): space as +, ' and ~ escaped, * kept.
    ['form-encoded', `a%26%3C%3E%22%27+%7E*%2F%2B%C3%A9`],
    // PHP urlencode and RFC 1738 style: * escaped too.
    ['form-encoded (* escaped too)', `a%26%3C%3E%22%27+%7E%2A%2F%2B%C3%A9`],
    ['base64', 'YSY8PiInIH4qLyvDqQ'],
    ['base64 inside a longer value (alignment 1)', 'eGEmPD4iJyB+Ki8rw6k='],
    ['base64 inside a longer value (alignment 2)', 'eHlhJjw+IicgfiovK8Op'],
    ['base64url inside a longer value (alignment 1)', 'eGEmPD4iJyB-Ki8rw6k'],
  ])('finds the secret %s', (name, text) => {
    expect(named(text)).toBe(name);
  });
});

describe('leak guard: two encodings composed, named', () => {
  it.each([
    ['XML-escaped, then URL-encoded', `a%26amp%3B%26lt%3B%26gt%3B%22'%20~*%2F%2B%C3%A9`],
    ['XML-escaped, then XML-escaped', `a&amp;amp;&amp;lt;&amp;gt;"' ~*/+é`],
    ['JSON-escaped, then JSON-escaped', `a&<>\\\\\\"' ~*/+é`],
    ['XML-escaped, then base64', 'YSZhbXA7Jmx0OyZndDsiJyB+Ki8rw6k='],
    ['URL-encoded (lower-case hex), then base64', 'YSUyNiUzYyUzZSUyMiclMjB+KiUyZiUyYiVjMyVhOQ=='],
    ['base64 inside a longer value (alignment 1), then URL-encoded', 'eGEmPD4iJyB%2BKi8rw6k%3D'],
  ])('finds the secret %s', (name, text) => {
    expect(named(text)).toBe(name);
  });
});

describe('leak guard: control characters and odd secrets', () => {
  it('finds a secret holding a newline, a tab or another control character JSON-escaped, as JSON.stringify writes them', () => {
    expect(named('line1\\nline2', ['line1\nline2'])).toBe('JSON-escaped');
    expect(named('tab\\there', ['tab\there'])).toBe('JSON-escaped');
    expect(named('cr\\rlf\\b\\f', ['cr\rlf\b\f'])).toBe('JSON-escaped');
    expect(named('ctl\\u0001x', ['ctl\u0001x'])).toBe('JSON-escaped');
  });

  it('finds a secret with a lone surrogate (which has no URL form) as it is, without throwing', () => {
    const lone = 'ab\uD800cd';
    expect(() => findLeaks([{ path: 'f', text: 'clean' }], [lone])).not.toThrow();
    expect(named(lone, [lone])).toBe('as is');
  });
});

describe('leak guard: lengths', () => {
  it('looks for a secret of 4 characters, the shortest it guards', () => {
    expect(named('xx abcd xx', ['abcd'])).toBe('as is');
    expect(refusal([{ path: 'f', text: 'clean' }], ['abcd'])).toBeUndefined();
  });

  it('does not search for a secret shorter than 4 characters (assertNoSecrets refuses it instead)', () => {
    expect(findLeaks([{ path: 'f', text: 'abc abc' }], ['abc'])).toEqual([]);
  });

  it('refuses to vouch for any file when a secret is shorter than 4 characters', () => {
    expect(refusal([{ path: 'f', text: 'clean' }], ['abcd', 'abc', 'xy'])).toEqual({
      code: 'SECRET_LEAK',
      message: 'Refusing to write: 2 secret value(s) are shorter than 4 characters, too short to be told apart from other text, so no file can be shown free of them.',
      details: [],
    });
  });

  it('finds any 12-character run of a secret longer than 12 characters, the first and the last', () => {
    const long = 'ABCDEFGHIJKLM'; // 13
    expect(named('..ABCDEFGHIJKL..', [long])).toBe('a 12-character part, as is');
    expect(named('..BCDEFGHIJKLM..', [long])).toBe('a 12-character part, as is');
    expect(named('..BCDEFGHIJKL..', [long])).toBe('nothing');
    expect(named('..CDEFGHIJKLM..', [long])).toBe('nothing');
    expect(named('..JKLM..', [long])).toBe('nothing');
  });

  it('finds the base64 of a 7-character secret after one byte (an 8-character run)', () => {
    // base64("Q" + "Ab&<>9z") = UUFiJjw+OXo=; the characters made only of the secret's bits are "FiJjw+OX".
    expect(named('UUFiJjw+OXo=', ['Ab&<>9z'])).toBe('base64 inside a longer value (alignment 1)');
  });

  it('does not take the base64 of another short value for the secret (runs of fewer than 8 characters are not looked for)', () => {
    // base64("abcd") = YWJjZA==, base64("abce") = YWJjZQ==: they share YWJjZ.
    expect(named('YWJjZQ==', ['abcd'])).toBe('nothing');
  });

  it('matches letters exactly: another case is another value (only percent-encoding hex is case-free)', () => {
    expect(named('abcd-efgh', ['ABCD-efgh'])).toBe('nothing');
    expect(named('ABCD%2fefgh', ['ABCD/efgh'])).toBe('URL-encoded');
  });
});

describe('leak guard: hits and refusal', () => {
  it('reports each secret once per file, by number and length, with the first encoding that matched', () => {
    const other = 'Other-Key-77';
    const files = [
      { path: 'a.har', text: `${SECRET} ${other} ${encodeURIComponent(other)}` },
      { path: 'b.har', text: 'clean' },
      { path: 'c.har', text: Buffer.from(other).toString('base64') },
    ];
    expect(findLeaks(files, [SECRET, other])).toEqual([
      { path: 'a.har', secret: 1, length: 12, encoding: 'as is' },
      { path: 'a.har', secret: 2, length: 12, encoding: 'as is' },
      { path: 'c.har', secret: 2, length: 12, encoding: 'base64' },
    ]);
  });

  it('describes a hit by file, secret number, length and encoding', () => {
    expect(describeLeak({ path: 'out/x.har', secret: 3, length: 20, encoding: 'XML-escaped, then URL-encoded' })).toBe('out/x.har: secret #3 (20 characters) found XML-escaped, then URL-encoded');
  });

  it('refuses all files at once through assertNoSecrets, listing every hit and never a value', () => {
    const found = refusal([{ path: 'a.har', text: `x ${SECRET}` }, { path: 'b.har', text: 'clean' }, { path: 'c.har', text: 'YSY8PiInIH4qLyvDqQ' }], [SECRET]);
    expect(found).toEqual({
      code: 'SECRET_LEAK',
      message: 'Refusing to write: 2 secret value(s) found in the output (nothing was written).',
      details: ['a.har: secret #1 (12 characters) found as is', 'c.har: secret #1 (12 characters) found base64'],
    });
  });

  it('lets clean files through assertNoSecrets', () => {
    expect(refusal([{ path: 'a.har', text: '{"password":"[redacted]"}' }], [SECRET])).toBeUndefined();
  });
});
