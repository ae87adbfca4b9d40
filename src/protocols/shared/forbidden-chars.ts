import { forbiddenXmlChar } from '../../codec/xml/forbidden-xml-char.ts';
import { violation, type Violation } from '../../model/violation.ts';
import { isVendorObject, type VendorValue } from '../../mapping/vendor-value.ts';

// Without the `u` flag: matches a UTF-16 surrogate that is not half of a pair.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
const FORBIDDEN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Which characters a value may not hold: XML 1.0's `Char` rule, or only well-formed UTF-16 (JSON, URLs). */
export type CharPolicy = 'xml' | 'unicode';

/** The first character of `text` the policy refuses, as `U+XXXX` with its index, or undefined. */
export function refusedChar(text: string, policy: CharPolicy): { readonly index: number; readonly codePoint: string } | undefined {
  if (policy === 'xml') return forbiddenXmlChar(text);
  const m = LONE_SURROGATE.exec(text);
  return m === null ? undefined : { index: m.index, codePoint: `U+${m[0].charCodeAt(0).toString(16).toUpperCase()}` };
}

/** `text` with every refused character replaced by U+FFFD, so nothing ill-formed is ever written. */
export function replaceRefusedChars(text: string, policy: CharPolicy): string {
  return text.replace(policy === 'xml' ? FORBIDDEN_XML : LONE_SURROGATES, '\uFFFD');
}

/** One violation per string in a vendor payload that holds a refused character, named by its field path. */
export function forbiddenCharViolations(value: VendorValue | undefined, policy: CharPolicy, path = ''): Violation[] {
  if (typeof value === 'string') {
    const bad = refusedChar(value, policy);
    return bad === undefined ? [] : [forbiddenCharViolation(path, bad.codePoint, bad.index, policy)];
  }
  if (Array.isArray(value)) return value.flatMap((v: VendorValue, i) => forbiddenCharViolations(v, policy, `${path}/${i}`));
  if (isVendorObject(value)) return Object.entries(value).flatMap(([k, v]) => forbiddenCharViolations(v, policy, `${path}/${k}`));
  return [];
}

/** The violation for one refused character in the value at `path`. */
export function forbiddenCharViolation(path: string, codePoint: string, index: number, policy: CharPolicy): Violation {
  const documented = policy === 'xml' ? 'XML 1.0 allows no C0 control except tab, LF and CR, no U+FFFE/U+FFFF and no unpaired surrogate' : 'text must be well-formed Unicode (no unpaired surrogate)';
  return violation('forbidden-char', path, `Received: ${codePoint} at character ${index + 1} of the value / Documented: ${documented}. Fix: remove it from the input.`, { codePoint });
}

/** The payload with every refused character replaced (see `replaceRefusedChars`). */
export function withoutRefusedChars<T extends VendorValue>(value: T, policy: CharPolicy): T {
  if (typeof value === 'string') return replaceRefusedChars(value, policy) as T;
  if (Array.isArray(value)) return value.map((v: VendorValue) => withoutRefusedChars(v, policy)) as unknown as T;
  if (isVendorObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutRefusedChars(v, policy)])) as T;
  return value;
}
