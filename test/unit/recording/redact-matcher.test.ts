import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textMatcher, type MatcherAlternative } from '../../../src/recording/redact-matcher.ts';
import { secretAlternatives, secretPatterns } from '../../../src/recording/secret-variants.ts';
import { canary, composedEncodings, TEST_ENCODERS } from '../../helpers/canary-scan.ts';

/** The behaviour the matcher must keep: one global regular expression of every alternative, in order. */
function oneRegex(sources: readonly string[]): RegExp {
  return new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'g');
}

const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** A literal alternative, as the variants of a secret are: its letters and digits are its literals. */
function literal(text: string): MatcherAlternative {
  return { source: escape(text), literals: text.split(/[^A-Za-z0-9]+/).filter((r) => r.length >= 2), minLength: text.length };
}

const ANY = '\\s\\S';
const mark = (found: string): string => `[${found.length}]`;

describe('textMatcher: the same replacements as one global regular expression of its alternatives', () => {
  it('gives what one expression gives, for alternatives cut into groups of one, of a few and all in one group', () => {
    const alphabet = fc.constantFrom('a', 'b', '1', '&', ';', '%', 'x');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.array(alphabet, { maxLength: 60 }), fc.constantFrom(1, 12, 40, 100_000), (words, chars, limit) => {
        const text = chars.join('');
        const matcher = textMatcher(words.map(literal), ANY, limit);
        expect(matcher.replace(text, mark)).toBe(text.replace(oneRegex(words.map(escape)), mark));
        expect(matcher.test(text)).toBe(oneRegex(words.map(escape)).test(text));
      }),
      { numRuns: 400 },
    );
  });

  it('lets the first alternative win at a position, then goes on after its match (overlaps are not matched twice)', () => {
    const matcher = textMatcher(['ab', 'abcd', 'cde', 'bc'].map(literal), ANY, 1);
    // One expression: at 0 'ab' wins (first), then from 2 'cde'; then 'bc' at 6.
    expect(matcher.replace('abcde-bcd', mark)).toBe('[2][3]-[2]d');
    expect('abcde-bcd'.replace(oneRegex(['ab', 'abcd', 'cde', 'bc']), mark)).toBe('[2][3]-[2]d');
  });

  it('finds nothing in a text that lacks a literal of every alternative, nor in one shorter than the shortest match', () => {
    const matcher = textMatcher([literal('ab&cd'), literal('x1x1')], ANY);
    expect(matcher.test('ab&c d x1x')).toBe(false);
    expect(matcher.replace('ab&c d x1x', mark)).toBe('ab&c d x1x');
    expect(matcher.test('ab&cd')).toBe(true);
    expect(matcher.test('x1x')).toBe(false);
  });

  it('passes a text that holds an alternative\'s short literal but not its longest one, and still finds it where the text spells it out', () => {
    // `ry` is in every `entry N` of a report; the alternative also needs `tok42x`, which the ids lack.
    const matcher = textMatcher([literal('ry!tok42x'), literal('zz&qq')], ANY);
    expect(matcher.test('centra/invoices_Update#entry 7#request.build')).toBe(false);
    expect(matcher.replace('entry 7 ry tok42x', mark)).toBe('entry 7 ry tok42x');
    expect(matcher.replace('entry 7: ry!tok42x', mark)).toBe('entry 7: [9]');
    expect(matcher.replace('qq zz&qq', mark)).toBe('qq [5]');
  });
});

describe('secretAlternatives: every match of an alternative holds its literals', () => {
  const secrets = [canary('Kq0z'), canary('Kq1z'), `Pw&<>"'\\%+/ é-7x`, 'tok_9f8e7d6c5b4a3928171615141312'];

  it.each(secrets)('gives, for %s encoded every way and in parts, the replacements of one expression of its patterns', (secret) => {
    const alternatives = secretAlternatives(secret);
    expect(alternatives.map((a) => a.source)).toEqual(secretPatterns(secret));
    const matcher = textMatcher(alternatives, ANY, 4_000);
    const whole = oneRegex(secretPatterns(secret));
    const chars = [...secret];
    const parts = [chars.slice(1).join(''), chars.slice(0, -2).join(''), chars.slice(2, 15).join('')];
    const once = (part: string): [string, string][] => Object.entries(TEST_ENCODERS).map(([name, encode]) => [`part ${name}`, encode(part)]);
    for (const [name, encoded] of [...composedEncodings(secret), ...parts.flatMap(once)]) {
      const text = `<Fault>before ${encoded} after</Fault>`;
      expect(matcher.replace(text, mark), name).toBe(text.replace(whole, mark));
    }
  });

  it('requires the letters and digits a match spells out, and no more than the part it must spell out', () => {
    const secret = 'ab&cdef12345!gh-ij';
    const [full, ...windows] = secretAlternatives(secret);
    expect(full?.literals).toEqual(['ab', 'cdef12345', 'gh', 'ij']);
    expect(full?.minLength).toBe(18);
    // The first part is the first 12 characters; what follows is optional.
    expect(windows[0]?.literals).toEqual(['ab', 'cdef12345']);
    expect(windows[0]?.minLength).toBe(12);
    expect(windows.at(-1)?.literals).toEqual(['f12345', 'gh', 'ij']);
  });
});
