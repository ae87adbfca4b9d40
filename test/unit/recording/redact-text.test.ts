import { describe, expect, it } from 'vitest';
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
