/**
 * Redaction and leak-guard cost: `node --import tsx bench/redact.bench.ts`.
 *
 * Times, for one and for four secrets (two of them long, so the distinctive-part patterns are in
 * play): compiling the variant set, redacting a 5 KB SOAP body, a 5 MB XML body and a 5 MB base64
 * blob, and the leak guard over 55 files of 5 KB. Prints one line per figure; no thresholds (speed
 * targets live here, not in tests).
 */
import { performance } from 'node:perf_hooks';
import { findLeaks } from '../src/recording/leak-guard.ts';
import { redactText, secretMatcher } from '../src/recording/redact-text.ts';

const SETS: Record<string, string[]> = {
  'one secret': [`C&n<a>r"y'\\%+/-1`],
  'four secrets': [`C&n<a>r"y'\\%+/-1`, 'another-long-secret-value-here', 'tok_9f8e7d6c5b4a3928171615141312', 'sim-password'],
};
const item = '<Item><Name>Widget number 42 &amp; more</Name><Price>12.50</Price></Item>';
const small = `<soap:Envelope><soap:Body>${item.repeat(60)}</soap:Body></soap:Envelope>`;
const large = item.repeat(Math.ceil((5 * 1024 * 1024) / item.length));
const blob = Buffer.alloc(3_900_000, 7).toString('base64');

function time(label: string, fn: () => unknown, runs = 1): void {
  const started = performance.now();
  for (let i = 0; i < runs; i++) fn();
  console.log(`${label.padEnd(48)} ${((performance.now() - started) / runs).toFixed(2)} ms`);
}

for (const [name, secrets] of Object.entries(SETS)) {
  time(`${name}: compile the variant set`, () => secretMatcher([...secrets, String(Math.random())]));
  time(`${name}: redact a ${(small.length / 1024).toFixed(0)} KB body`, () => redactText(small, secrets), 200);
  time(`${name}: redact 5 MB of XML`, () => redactText(large, secrets));
  time(`${name}: redact a 5 MB base64 blob`, () => redactText(blob, secrets));
  const files = Array.from({ length: 55 }, (_, i) => ({ path: `f${i}.har`, text: small }));
  time(`${name}: leak guard over 55 files of 5 KB`, () => findLeaks(files, secrets));
}
