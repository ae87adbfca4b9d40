import { REDACTED } from './har.ts';

/**
 * The forms a secret takes in a message: as is, XML-escaped (text and attribute), JSON-escaped,
 * URL-encoded (encodeURIComponent and form encoding) and base64 (standard and URL-safe). Longest
 * first, so a longer form is replaced before a form it contains.
 */
export function secretForms(secret: string): string[] {
  const xmlText = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const xmlAttr = xmlText.replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  const json = JSON.stringify(secret).slice(1, -1);
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  const base64url = Buffer.from(secret, 'utf8').toString('base64url');
  const forms = [secret, xmlText, xmlAttr, json, encodeURIComponent(secret), form, base64, base64.replace(/=+$/, ''), base64url];
  return [...new Set(forms)].filter((f) => f !== '').sort((a, b) => b.length - a.length);
}

/**
 * Secrets shorter than this are not replaced as text: they would match ordinary words. They are
 * still redacted at every position the contract sends them, and the leak guard refuses them.
 */
export const MIN_LITERAL_SECRET = 4;

/**
 * Replace every form of every secret in a text with the redaction marker (URL-encoded where the
 * form was). Returns the text and whether anything was replaced.
 */
export function redactText(text: string, secrets: readonly string[]): { readonly text: string; readonly replaced: boolean } {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_LITERAL_SECRET) continue;
    for (const form of secretForms(secret)) {
      if (!out.includes(form)) continue;
      const marker = form !== secret && form.includes('%') ? encodeURIComponent(REDACTED) : REDACTED;
      out = out.split(form).join(marker);
    }
  }
  return { text: out, replaced: out !== text };
}
