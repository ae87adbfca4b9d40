import { describe, expect, it } from 'vitest';
import { redactText, secretMatcher } from '../../../src/recording/redact-text.ts';
import { DISTINCTIVE_SUBSTRING_LENGTH, oneStepForms } from '../../../src/recording/secret-variants.ts';
import { MAX_DECODED_RUN } from '../../../src/recording/decoded-base64.ts';

// Each form below is written out by hand from XML 1.0 (section 4.1 character references, 4.6 predefined
// entities), RFC 8259 section 7 (JSON string escapes), RFC 3986 section 2.1 (percent-encoding, either hex
// case) and WHATWG application/x-www-form-urlencoded (space as +). Redaction encodes each character on its
// own, so a serializer that escapes some characters one way and others another is covered too.

const redacted = (text: string, secrets: readonly string[]): string => redactText(text, secrets).text;

describe('oneStepForms: what one character becomes under one encoding', () => {
  it.each([
    ['&', ['&amp;', '&#38;', '&#x26;', '\\u0026', '%26']],
    ['<', ['&lt;', '&#60;', '&#x3c;', '&#x3C;', '\\u003c', '\\u003C', '%3C', '%3c']],
    ['>', ['&gt;', '&#62;', '&#x3e;', '&#x3E;', '\\u003e', '\\u003E', '%3E', '%3e']],
    ['"', ['&quot;', '&#34;', '&#x22;', '\\"', '\\u0022', '%22']],
    ["'", ['&apos;', '&#39;', '&#x27;', '\\u0027', '%27']],
    ['\\', ['\\\\', '\\u005c', '\\u005C', '%5C', '%5c']],
    ['/', ['\\/', '\\u002f', '\\u002F', '%2F', '%2f']],
    [' ', ['+', '%20', '\\u0020']],
    ['+', ['%2B', '%2b', '\\u002b', '\\u002B']],
    ['é', ['&#233;', '&#xe9;', '&#xE9;', '\\u00e9', '\\u00E9', '%C3%A9', '%c3%a9']],
    ['\n', ['\\n', '\\u000a', '\\u000A', '%0A', '%0a']],
    ['\t', ['\\t', '\\u0009', '%09']],
    ['!', ['%21', '\\u0021']],
    ['(', ['%28']],
    [')', ['%29']],
    ['*', ['%2A', '%2a']],
    ['~', ['%7E', '%7e']],
    ['\u0080', ['&#128;', '&#x80;', '\\u0080', '%C2%80']],
    ['😀', ['&#128512;', '&#x1f600;', '&#x1F600;', '\\ud83d\\ude00', '\\uD83D\\uDE00', '%F0%9F%98%80', '%f0%9f%98%80']],
  ])('%j has its raw form first, then each of its escapes', (ch, forms) => {
    const got = oneStepForms(ch);
    expect(got[0]).toBe(ch);
    for (const form of forms) expect(got).toContain(form);
  });

  it('leaves letters and digits as they are (no escape changes them)', () => {
    expect(oneStepForms('a')).toEqual(['a']);
    expect(oneStepForms('Z')).toEqual(['Z']);
    expect(oneStepForms('7')).toEqual(['7']);
  });

  it('gives ASCII punctuation XML 1.0 does not escape no character reference', () => {
    expect(oneStepForms('-')).not.toContain('&#45;');
    expect(oneStepForms('/')).not.toContain('&#47;');
  });

  it('gives a lone surrogate no URL form, without throwing', () => {
    const forms = oneStepForms('\uD800');
    expect(forms[0]).toBe('\uD800');
    expect(forms.some((f) => f.startsWith('%'))).toBe(false);
    expect(forms).toContain('\\ud800');
  });
});

describe('redactText: each character escaped its own way', () => {
  const SECRET = `K&y<"1'>é!`;

  it.each([
    ['upper-case hex character references', `K&#x26;y&#x3C;&#x22;1&#x27;&#x3E;&#xE9;!`],
    ['named entities and decimal references mixed', `K&amp;y&#60;&quot;1&#39;&gt;&#233;!`],
    ['JSON \\u escapes with upper-case hex', `K\\u0026y\\u003C\\"1\\u0027\\u003E\\u00E9\\u0021`],
    ['URL-encoding with !, \' ( ) * ~ percent-encoded too', `K%26y%3C%221%27%3E%C3%A9%21`],
    ['URL-encoding with mixed hex case', `K%26y%3c%221'%3E%c3%a9!`],
    ['XML numeric references, then JSON-escaped', `K\\u0026#38;y&#60;\\"1&#39;>&#233;!`],
    ['XML named, then URL-encoded', `K%26amp%3By%26lt%3B%221'%26gt%3B%C3%A9!`],
    ['JSON \\u, then XML-escaped', `K\\u0026y&lt;\\&quot;1'&gt;é!`],
  ])('removes the secret written with %s', (_how, text) => {
    const out = redacted(`[${text}]`, [SECRET]);
    expect(out === '[[redacted]]' || out === '[%5Bredacted%5D]').toBe(true);
  });

  it('removes a secret with a space written as + or %20 (form and URL encoding)', () => {
    // The marker is percent-encoded only where the variant held a percent-escape.
    expect(redacted('q=open+sesame+42&x=1', ['open sesame 42'])).toBe('q=[redacted]&x=1');
    expect(redacted('q=open%20sesame%2042', ['open sesame 42'])).toBe('q=%5Bredacted%5D');
  });

  it('marks a variant without percent-encoding with the plain marker', () => {
    expect(redacted('<p>K&amp;y&lt;"1\'&gt;é!</p>', [SECRET])).toBe('<p>[redacted]</p>');
  });
});

describe('redactText: regular-expression and class characters in secrets are literal', () => {
  it.each(['p.ss*w?rd', 'a|b(c)d[e]{2}$', '^caret-first', ']bracket-first', '-dash-first', '\\back-first'])('matches %j only as written', (secret) => {
    expect(redacted(`x ${secret} y`, [secret])).toBe('x [redacted] y');
    expect(redacted(`x ${JSON.stringify(secret).slice(1, -1)} y`, [secret])).toBe('x [redacted] y');
  });

  it('does not take a regex metacharacter for a wildcard', () => {
    expect(redactText('pXssww?rd pass*w?rd', ['p.ss*w?rd']).replaced).toBe(false);
    expect(redactText('ab', ['a|b(c)d']).replaced).toBe(false);
  });
});

describe('redactText: the first character escaped', () => {
  it.each([
    ['XML-escaped', '&lt;Start&amp;Secret'],
    ['a decimal reference', '&#60;Start&#38;Secret'],
    ['URL-encoded', '%3CStart%26Secret'],
    ['JSON \\u-escaped', '\\u003cStart\\u0026Secret'],
    ['XML-escaped, then URL-encoded', '%26lt%3BStart%26amp%3BSecret'],
    ['XML-escaped, then JSON \\u-escaped', '\\u0026lt;Start\\u0026amp;Secret'],
  ])('finds a secret whose first character is a markup character, %s', (_how, text) => {
    expect(redactText(`(${text})`, ['<Start&Secret']).replaced).toBe(true);
    expect(redacted(`(${text})`, ['<Start&Secret'])).toMatch(/^\((\[redacted\]|%5Bredacted%5D)\)$/);
  });
});

describe('redactText: several secrets and parts', () => {
  it('replaces the longer of two secrets that share a start as one, leaving nothing of it behind', () => {
    expect(redacted('<a>abcd1234XYZW</a>', ['abcd1234', 'abcd1234XYZW'])).toBe('<a>[redacted]</a>');
    expect(redacted('<a>abcd1234XYZW</a>', ['abcd1234XYZW', 'abcd1234'])).toBe('<a>[redacted]</a>');
  });

  it('looks for distinctive parts of DISTINCTIVE_SUBSTRING_LENGTH (12) characters of a longer secret, at every start', () => {
    expect(DISTINCTIVE_SUBSTRING_LENGTH).toBe(12);
    const token = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvw'; // 59 characters: over that, parts start only every few characters (README)
    for (let start = 0; start + 12 <= token.length; start++) {
      expect(redacted(`<t>${token.slice(start, start + 12)}</t>`, [token])).toBe('<t>[redacted]</t>');
    }
    expect(redacted(`<t>${token.slice(3, 14)}</t>`, [token])).toBe(`<t>${token.slice(3, 14)}</t>`);
    expect(redacted(`<t>${token.slice(-11)}</t>`, [token])).toBe(`<t>${token.slice(-11)}</t>`);
  });

  it('does not look for parts of a secret of exactly 12 characters', () => {
    expect(redacted('<t>ABCDEFGHIJK</t>', ['ABCDEFGHIJKL'])).toBe('<t>ABCDEFGHIJK</t>');
    expect(redacted('<t>ABCDEFGHIJKL</t>', ['ABCDEFGHIJKL'])).toBe('<t>[redacted]</t>');
  });

  it('finds a part of a very long token, whose start points are strided, leaving at most its first few characters', () => {
    const token = Array.from({ length: 150 }, (_, i) => String.fromCharCode(65 + (i % 26)) + String.fromCharCode(97 + ((i * 7) % 26))).join('').slice(0, 150);
    for (let start = 0; start + 16 <= token.length; start += 5) {
      const part = token.slice(start, start + 16);
      expect(redacted(`<t>${part}</t>`, [token]), `part at ${start}`).toMatch(/^<t>.{0,3}\[redacted\]<\/t>$/);
    }
  });

  it('finds a part escaped, as it would be in a fault echo', () => {
    const token = 'sk_live_<0123>&456789abcdef';
    const part = token.slice(7, 22);
    const xml = part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(redacted(`<f>${xml}</f>`, [token])).toBe('<f>[redacted]</f>');
  });
});

describe('redactText: base64', () => {
  const SECRET = 'B64&<Secret>"9';
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  it('says it replaced something when only a base64 run held the secret', () => {
    expect(redactText(`token=${b64(SECRET)};`, [SECRET])).toEqual({ text: 'token=[redacted];', replaced: true });
  });

  it.each([
    ['base64 of the XML-escaped secret, base64-encoded again', b64(b64(`<p>${xml(SECRET)}</p>`))],
    ['three layers of base64 around the XML-escaped secret', b64(b64(b64(`<p>${xml(SECRET)}</p>`)))],
    ['base64 of base64 of the raw secret', b64(`id:${b64(SECRET)}`)],
  ])('looks through %s', (_what, text) => {
    expect(redacted(`x ${text} y`, [SECRET])).toBe('x [redacted] y');
  });

  // Each of these tests uses a secret no other test uses: matchers are compiled once per secret set, so the
  // compiled forms a test depends on are built inside it.
  it('finds the base64 forms of each whole-string escape inside a run too long to decode', () => {
    const SECRET = 'L0ng&<Run>"Key';
    const filler = 'z'.repeat(MAX_DECODED_RUN);
    const forms = [
      xml(SECRET),
      xml(SECRET).replace(/"/g, '&quot;'),
      SECRET.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`),
      SECRET.replace(/[&<>"]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`),
      SECRET.replace(/[&<>"]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`),
      JSON.stringify(SECRET).slice(1, -1),
      'L0ng\\u0026\\u003cRun\\u003e\\"Key',
      'L0ng\\u0026\\u003CRun\\u003E\\"Key',
      encodeURIComponent(SECRET),
      'L0ng%26%3CRun%3E%22Key',
      'L0ng%26%3cRun%3e%22Key',
      new URLSearchParams({ s: SECRET }).toString().slice(2),
    ];
    for (const form of forms) {
      for (const pad of ['', 'a', 'ab']) {
        const out = redacted(b64(`${filler}${pad}${form}${filler}`), [SECRET]);
        expect(out, `${form} after ${pad.length}`).toContain('[redacted]');
        expect(Buffer.from(out.replace('[redacted]', ''), 'base64').toString('latin1')).not.toContain(SECRET.slice(3, 9));
        expect(out.split('[redacted]')).toHaveLength(2);
      }
    }
  });

  it('finds the secret in each of several decoded runs of one text, a short one after a long one', () => {
    const text = `a=${b64(`${'x'.repeat(300)}${SECRET}`)} b=${b64(`${SECRET}!`)}`;
    expect(redacted(text, [SECRET])).toBe('a=[redacted] b=[redacted]');
  });

  it('finds base64 of the base64 of the secret inside a run too long to decode', () => {
    const SECRET = 'B64of&<B64>"Key';
    const filler = 'z'.repeat(MAX_DECODED_RUN);
    const out = redacted(b64(`${filler}${b64(SECRET)}${filler}`), [SECRET]);
    expect(out).toContain('[redacted]');
  });

  it('leaves a long base64 run that holds no secret unchanged', () => {
    const run = b64('q'.repeat(MAX_DECODED_RUN));
    expect(redactText(run, [SECRET])).toEqual({ text: run, replaced: false });
  });

  it('leaves base64 runs alone for a 4-character secret, which is too short to have base64 forms of its own', () => {
    expect(redactText('token=QUJDREVGR0hJSktMTU5PUA== x', ['abcd'])).toEqual({ text: 'token=QUJDREVGR0hJSktMTU5PUA== x', replaced: false });
  });

  it('does not take base64 of a different short value for a 4-character secret', () => {
    // base64("abcd") = YWJjZA==, base64("abce") = YWJjZQ==.
    const filler = 'q'.repeat(MAX_DECODED_RUN);
    const run = b64(`${filler}abce${filler}`);
    expect(redactText(run, ['abcd']).replaced).toBe(false);
  });
});

describe('secretMatcher: compiled sets are bounded', () => {
  it('keeps the 16 most recent sets and compiles an older one anew', () => {
    const sets = Array.from({ length: 17 }, (_, i) => [`cache-set-${i}-value`]);
    // A new array of the same secrets each time: the same array is also remembered by identity while it lives.
    const again = (i: number): string[] => [...(sets[i] ?? [])];
    const first = secretMatcher(again(0));
    for (const set of sets.slice(1, 16)) secretMatcher(set);
    expect(secretMatcher(again(0))).toBe(first);
    secretMatcher(sets[16] ?? []);
    expect(secretMatcher(again(0))).not.toBe(first);
  });

  it('keeps sets that join to the same text apart', () => {
    expect(redactText('<a>abcdefgh</a>', ['abcd', 'efgh']).text).toBe('<a>[redacted][redacted]</a>');
    expect(redactText('<a>abcdefgh</a>', ['abcdefgh']).text).toBe('<a>[redacted]</a>');
  });

  it('marks a raw secret that holds a percent sign with the plain marker', () => {
    expect(redacted('k=key%4zvalue!', ['key%4zvalue'])).toBe('k=[redacted]!');
  });

  it('replaces the whole of an escape at the end of a secret', () => {
    expect(redacted('x Key-Tail&amp; y', ['Key-Tail&'])).toBe('x [redacted] y');
    expect(redacted('x Key-Tail%26 y', ['Key-Tail&'])).toBe('x %5Bredacted%5D y');
  });

  it('redacts a secret of 4 characters, the shortest it looks for', () => {
    expect(redactText('<p>abcd</p>', ['abcd'])).toEqual({ text: '<p>[redacted]</p>', replaced: true });
  });

  it('redacts a secret with a lone surrogate, which has no URL form, without throwing', () => {
    expect(redacted('x ab\uD800cdef y', ['ab\uD800cdef'])).toBe('x [redacted] y');
  });

  it('has no matcher for a set without a secret long enough', () => {
    expect(secretMatcher(['abc', ''])).toBeUndefined();
    expect(secretMatcher([])).toBeUndefined();
  });
});
