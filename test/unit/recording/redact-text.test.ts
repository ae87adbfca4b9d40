import { describe, expect, it } from 'vitest';
import { MAX_DECODED_RUN } from '../../../src/recording/decoded-base64.ts';
import { redactText, secretMatcher } from '../../../src/recording/redact-text.ts';
import { canary, composedEncodings, scanForCanaries, TEST_ENCODERS } from '../../helpers/canary-scan.ts';

// Every character XML, JSON, URL and form encoding change, and a non-ASCII letter.
const SECRET = `Pw&<>"'\\%+/ é-7x`;
const OTHER = 'an0ther-Secret-Value';

describe('redactText', () => {
  it.each(composedEncodings(SECRET))('removes the secret encoded %s, wherever it sits in a text', (_name, encoded) => {
    const { text, replaced } = redactText(`<Fault>before ${encoded} after</Fault>`, [SECRET, OTHER]);
    expect(replaced).toBe(true);
    expect(text).toMatch(/\[redacted\]|%5Bredacted%5D/);
    expect(scanForCanaries(text, [SECRET])).toEqual([]);
    expect(text).toContain('<Fault>before ');
  });

  it('removes a secret that is XML-escaped then JSON-quoted, as a fault echo reaches a JSON report', () => {
    const fault = `Invalid request: <Password>${TEST_ENCODERS['XML text']?.(SECRET)}</Password>`;
    const report = JSON.stringify({ violations: [{ rule: 'response.vendor-message', message: fault }] });
    expect(scanForCanaries(redactText(report, [SECRET]).text, [SECRET])).toEqual([]);
  });

  it('removes a distinctive part of a long secret, the whole part and no more', () => {
    const token = 'tok_9f8e7d6c5b4a3928171615141312';
    const part = token.slice(5, 27);
    const { text } = redactText(`echo: ${part}!`, [token]);
    expect(text).toBe('echo: [redacted]!');
  });

  it.each([
    ['base64', 'base64'],
    ['base64url', 'base64url'],
  ] as const)('finds the secret in a %s run too long to decode, by its precomputed forms', (_name, alphabet) => {
    const filler = 'x'.repeat(MAX_DECODED_RUN);
    const run = Buffer.from(`${filler}${SECRET}${filler}`).toString(alphabet);
    const { text } = redactText(`blob ${run} end`, [SECRET]);
    expect(text).toContain('[redacted]');
    expect(scanForCanaries(text, [SECRET], 1)).toEqual([]);
  });

  it('finds the secret in base64 of its escaped form, escaped again after encoding', () => {
    const once = Buffer.from(`<p>${TEST_ENCODERS['XML text']?.(TEST_ENCODERS['XML text']?.(SECRET) ?? '')}</p>`).toString('base64');
    for (const text of [once, encodeURIComponent(once), JSON.stringify(once).replace(/\//g, '\\/')]) {
      expect(scanForCanaries(redactText(`x ${text} y`, [SECRET]).text, [SECRET])).toEqual([]);
    }
  });

  it.each([1, 2, 3])('finds base64 glued to %i preceding letters (a run that starts off its 4-character grid)', (glue) => {
    const run = Buffer.from(`<p>${TEST_ENCODERS['XML text']?.(SECRET)}</p>`).toString('base64');
    const { text } = redactText(`id=${'Q'.repeat(glue)}${run}`, [SECRET]);
    expect(scanForCanaries(text, [SECRET])).toEqual([]);
  });

  it('leaves a text without any secret untouched and says so', () => {
    const text = 'Pw&amp; is not the secret; nor is an0ther';
    expect(redactText(text, [SECRET, OTHER])).toEqual({ text, replaced: false });
  });

  it('marks a URL-encoded secret with a URL-encoded marker, so URLs stay valid', () => {
    const url = `https://vendor.example/x?api_key=${encodeURIComponent(SECRET)}&y=1`;
    expect(redactText(url, [SECRET]).text).toBe('https://vendor.example/x?api_key=%5Bredacted%5D&y=1');
  });

  it('compiles each secret set once, however many texts it redacts', () => {
    const secrets = [canary('c1'), canary('c2')];
    expect(secretMatcher(secrets)).toBe(secretMatcher([...secrets].reverse()));
  });

  it('does not redact secrets shorter than the literal minimum', () => {
    expect(redactText('abc abc', ['abc']).replaced).toBe(false);
  });
});
