import { REDACTED } from './har.ts';
import { compileSecretMatcher, wholeStringForms } from './secret-variants.ts';

/**
 * Secrets shorter than this are not replaced as text: they would match ordinary words. Live-path
 * commands refuse such secrets before sending anything (`MIN_SECRET_LENGTH` in src/credentials/);
 * this floor only matters for values found in captures (`redact`, `audit`).
 */
export const MIN_LITERAL_SECRET = 4;

/** Compiled matchers by secret set: each set's variants are built once, however many texts are redacted. */
const MATCHERS = new Map<string, RegExp | undefined>();
const MAX_CACHED_SETS = 16;

/**
 * The common whole-string forms of a secret (raw, XML- and JSON-escaped, URL- and form-encoded),
 * longest first. Kept for callers that list forms; redaction itself covers far more (see
 * secret-variants.ts).
 */
export function secretForms(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  const forms = [...wholeStringForms(secret), base64, base64.replace(/=+$/, ''), Buffer.from(secret, 'utf8').toString('base64url')];
  return [...new Set(forms)].filter((f) => f !== '').sort((a, b) => b.length - a.length);
}

/** The one matcher for a secret set (compiled on first use). */
export function secretMatcher(secrets: readonly string[]): RegExp | undefined {
  const key = [...new Set(secrets)].sort().join('\u0000');
  if (MATCHERS.has(key)) return MATCHERS.get(key);
  const matcher = compileSecretMatcher(secrets, MIN_LITERAL_SECRET);
  if (MATCHERS.size >= MAX_CACHED_SETS) MATCHERS.delete(MATCHERS.keys().next().value ?? '');
  MATCHERS.set(key, matcher);
  return matcher;
}

/**
 * Replace every variant of every secret in a text with the redaction marker (URL-encoded where
 * the variant was). Returns the text and whether anything was replaced. This is the one redaction
 * used for recordings, reports, logs and error messages.
 */
export function redactText(text: string, secrets: readonly string[]): { readonly text: string; readonly replaced: boolean } {
  const matcher = secretMatcher(secrets);
  if (matcher === undefined || text === '') return { text, replaced: false };
  matcher.lastIndex = 0;
  let replaced = false;
  const out = text.replace(matcher, (found) => {
    replaced = true;
    return /%[0-9A-Fa-f]{2}/.test(found) ? encodeURIComponent(REDACTED) : REDACTED;
  });
  return { text: out, replaced };
}
