import { REDACTED } from './har.ts';
import { base64Decodings, eachBase64Run } from './decoded-base64.ts';
import { compileSecretMatchers, type SecretMatchers } from './secret-variants.ts';

/**
 * Secrets shorter than this are not replaced as text: they would match ordinary words. Live-path
 * commands refuse such secrets before sending anything (`MIN_SECRET_LENGTH` in src/credentials/);
 * this floor only matters for values found in captures (`redact`, `audit`).
 */
export const MIN_LITERAL_SECRET = 4;

/** Compiled matchers by secret set: each set's variants are built once, however many texts are redacted. */
const MATCHERS = new Map<string, SecretMatchers | undefined>();
const MAX_CACHED_SETS = 16;

/** The one set of matchers for a secret set (compiled on first use). */
export function secretMatcher(secrets: readonly string[]): SecretMatchers | undefined {
  // Callers pass the same array for every text of a run: skip building its key each time, unless it changed since.
  const seen = BY_ARRAY.get(secrets);
  if (seen !== undefined && seen.values.length === secrets.length && seen.values.every((v, i) => v === secrets[i])) return seen.matcher;
  const matcher = matcherFor(secrets);
  BY_ARRAY.set(secrets, { values: [...secrets], matcher });
  return matcher;
}

const BY_ARRAY = new WeakMap<readonly string[], { readonly values: readonly string[]; readonly matcher: SecretMatchers | undefined }>();

function matcherFor(secrets: readonly string[]): SecretMatchers | undefined {
  const key = [...new Set(secrets)].sort().join('\u0000');
  if (MATCHERS.has(key)) return MATCHERS.get(key);
  const matcher = compileSecretMatchers(secrets, MIN_LITERAL_SECRET);
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
  const matchers = secretMatcher(secrets);
  if (matchers === undefined || text === '') return { text, replaced: false };
  return redactRemembered(text, matchers, rememberedFor(matchers));
}

/**
 * {@link redactText}'s text, for many texts redacted with one secret set at once (a reporter hook's
 * argument): the set's matchers are looked up once, not once per text. Undefined when the set has
 * nothing to look for (every text is then shown as it is).
 */
export function textRedactor(secrets: readonly string[]): ((text: string) => string) | undefined {
  const matchers = secretMatcher(secrets);
  if (matchers === undefined) return undefined;
  const remembered = rememberedFor(matchers);
  return (text) => (text === '' ? text : redactRemembered(text, matchers, remembered).text);
}

type Redacted = { readonly text: string; readonly replaced: boolean };

function rememberedFor(matchers: SecretMatchers): Map<string, Redacted> {
  let remembered = REMEMBERED.get(matchers);
  if (remembered === undefined) REMEMBERED.set(matchers, (remembered = new Map()));
  return remembered;
}

function redactRemembered(text: string, matchers: SecretMatchers, remembered: Map<string, Redacted>): Redacted {
  if (text.length > MAX_REMEMBERED_CHARS) return redactWith(text, matchers);
  const known = remembered.get(text);
  if (known !== undefined) return known;
  const result = redactWith(text, matchers);
  if (remembered.size >= MAX_REMEMBERED_TEXTS) remembered.clear();
  remembered.set(text, result);
  return result;
}

/**
 * Redacted short texts by secret set. A report repeats the same ids, titles and messages for every
 * result, and decoding their base64-looking runs (`request-building`) is the cost of redaction; the
 * answer for a text never changes, so it is computed once (bounded: {@link MAX_REMEMBERED_TEXTS}).
 */
const REMEMBERED = new WeakMap<SecretMatchers, Map<string, Redacted>>();
const MAX_REMEMBERED_CHARS = 512;
const MAX_REMEMBERED_TEXTS = 50_000;

function redactWith(text: string, matchers: SecretMatchers): Redacted {
  const unwrapped = redactBase64Runs(text, matchers, 0);
  let replaced = unwrapped !== text;
  const out = matchers.text.replace(unwrapped, (found) => {
    replaced = true;
    return /%[0-9A-Fa-f]{2}/.test(found) ? encodeURIComponent(REDACTED) : REDACTED;
  });
  return { text: out, replaced };
}

/** How many base64 layers redaction looks through (base64 of base64 of an escaped secret). */
const MAX_BASE64_LAYERS = 2;

/**
 * Replace each base64 run that decodes to text holding a secret (in any variant, however it was
 * escaped before being encoded) with the marker. A run too long to decode is searched for the
 * secrets' precomputed base64 forms instead.
 */
function redactBase64Runs(text: string, matchers: SecretMatchers, layer: number): string {
  let out = '';
  let at = 0;
  eachBase64Run(text, (index, run, undecoded) => {
    const replacement = undecoded ? run.replace(matchers.base64, REDACTED) : runHoldsSecret(run, matchers, layer) ? REDACTED : run;
    if (replacement === run) return;
    out += text.slice(at, index) + replacement;
    at = index + run.length;
  });
  return at === 0 ? text : out + text.slice(at);
}

/**
 * Whether a run's decodings hold a secret. At the top layer the verdict is remembered by run text per
 * secret set (bounded as {@link REMEMBERED}): a report's distinct texts repeat the same few runs
 * (contract ids, check ids, file names), and decoding them again is what redaction would spend.
 */
function runHoldsSecret(run: string, matchers: SecretMatchers, layer: number): boolean {
  if (layer !== 0 || run.length > MAX_REMEMBERED_CHARS) return base64Decodings(run).some((d) => holdsSecret(d, matchers, layer + 1));
  let verdicts = RUN_VERDICTS.get(matchers);
  if (verdicts === undefined) RUN_VERDICTS.set(matchers, (verdicts = new Map()));
  const known = verdicts.get(run);
  if (known !== undefined) return known;
  const verdict = base64Decodings(run).some((d) => holdsSecret(d, matchers, layer + 1));
  if (verdicts.size >= MAX_REMEMBERED_TEXTS) verdicts.clear();
  verdicts.set(run, verdict);
  return verdict;
}

const RUN_VERDICTS = new WeakMap<SecretMatchers, Map<string, boolean>>();

function holdsSecret(decoded: string, matchers: SecretMatchers, layer: number): boolean {
  if (matchers.text.test(decoded)) return true;
  matchers.base64.lastIndex = 0;
  if (matchers.base64.test(decoded)) return true;
  return layer < MAX_BASE64_LAYERS && redactBase64Runs(decoded, matchers, layer) !== decoded;
}
