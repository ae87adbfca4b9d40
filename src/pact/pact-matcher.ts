import type { FieldSpec, WhenSpec } from '../types/contract.ts';

/** A Pact matcher in the JSON form `@pact-foundation/pact` hands to the FFI (`pact:matcher:type`). */
export interface PactMatcher {
  readonly 'pact:matcher:type': 'type' | 'regex' | 'integer' | 'decimal' | 'number' | 'boolean' | 'equality';
  readonly value: unknown;
  readonly regex?: string;
}

/** Whether a leaf is XML text (always a string) or a JSON value (with its JSON type). */
export type LeafFlavor = 'xml' | 'json';

/** Lexical forms the named date formats take (what the mapping writes). */
const DATE_PATTERNS: Readonly<Record<string, string>> = {
  'yyyy-mm-dd': '^\\d{4}-\\d{2}-\\d{2}$',
  'dd/mm/yyyy': '^\\d{2}/\\d{2}/\\d{4}$',
  'mm/dd/yyyy': '^\\d{2}/\\d{2}/\\d{4}$',
  iso: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})$',
  'iso-local': '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$',
};

/** Lexical forms of the other typed scalars, as XML text. */
const XML_PATTERNS = {
  decimal: '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)$',
  boolean: '^(true|false|1|0)$',
  base64: '^[A-Za-z0-9+/]*={0,2}$',
  email: '^[^@\\s]+@[^@\\s]+$',
} as const;

/** What decides a leaf's matcher besides its field spec. */
export interface LeafContext {
  readonly flavor: LeafFlavor;
  /** Conditions of the documented response on this leaf (`match.when` at the same path). */
  readonly when?: readonly WhenSpec[];
  /** A credential position: a type matcher over the placeholder, never the value. */
  readonly credential?: boolean;
}

/**
 * The matcher for one leaf value, from its field's type and constraints: `type` for strings,
 * `regex` for patterns and formats (dates in the vendor's format, decimals, base64), `integer` /
 * `number` / `boolean` for JSON numbers and booleans, `equality` where the contract fixes the
 * value (a constant, an enum, or a condition that selects the documented response).
 */
export function leafMatcher(field: FieldSpec | undefined, value: string | number | boolean | null, ctx: LeafContext): PactMatcher | string | number | boolean | null {
  if (value === null) return null;
  if (ctx.credential === true) return like(value);
  const fixed = fixedBy(field, ctx.when ?? []);
  if (fixed === 'equal') return { 'pact:matcher:type': 'equality', value };
  // A pattern describes text: a JSON number or boolean keeps its JSON type's matcher instead.
  if (fixed !== undefined && (ctx.flavor === 'xml' || typeof value === 'string')) return regex(fixed, value);
  if (field === undefined) return like(value);
  return ctx.flavor === 'json' ? jsonMatcher(field, value) : xmlMatcher(field, String(value));
}

/**
 * `equal` for a value the contract fixes (a constant, a condition that selects the documented
 * response), a pattern for a documented set or pattern (an enum: any of its values, since one
 * `eachLike` template stands for every item), or nothing.
 */
function fixedBy(field: FieldSpec | undefined, when: readonly WhenSpec[]): 'equal' | string | undefined {
  if (when.some((w) => w.equals !== undefined)) return 'equal';
  const listed = when.find((w) => w.in !== undefined)?.in;
  if (listed !== undefined) return alternatives(listed.map(String));
  const matches = when.find((w) => w.matches !== undefined && isPortableRegex(w.matches));
  if (matches?.matches !== undefined) return searchPattern(matches.matches);
  if (field?.value !== undefined) return 'equal';
  if (field?.enum !== undefined && field.enum.length > 0) return alternatives(field.enum);
  return undefined;
}

function alternatives(values: readonly string[]): string {
  return `^(${values.map((v) => v.replace(/[.+*?^$()[\]{}|\\/]/g, '\\$&')).join('|')})$`;
}

/**
 * The Pact verifier matches a regex against the whole value; contract patterns and conditions are
 * JSON-Schema patterns, which match anywhere in it. Wrapping keeps their meaning. `[\s\S]` rather
 * than a dot-all flag: the mock server (Rust regex) and the verifier (Oniguruma) spell flags differently.
 */
function searchPattern(pattern: string): string {
  return `^[\\s\\S]*(?:${pattern})[\\s\\S]*$`;
}

function xmlMatcher(field: FieldSpec, text: string): PactMatcher {
  const pattern = patternOf(field);
  if (pattern !== undefined) return regex(pattern, text);
  switch (field.type) {
    case 'integer':
      // The FFI checks XML text against `integer` lexically ("7" passes, "x7" fails).
      return { 'pact:matcher:type': 'integer', value: text };
    case 'decimal':
      return regex(XML_PATTERNS.decimal, text);
    case 'boolean':
      return regex(XML_PATTERNS.boolean, text);
    case 'base64':
      return regex(XML_PATTERNS.base64, text);
    default:
      return like(text);
  }
}

function jsonMatcher(field: FieldSpec, value: string | number | boolean): PactMatcher {
  if (typeof value === 'number') {
    // JSON decimals such as 100 carry no fraction; the FFI's `decimal` refuses them, `number` does not.
    return field.type === 'integer' && Number.isInteger(value) ? { 'pact:matcher:type': 'integer', value } : { 'pact:matcher:type': 'number', value };
  }
  if (typeof value === 'boolean') return { 'pact:matcher:type': 'boolean', value };
  const pattern = patternOf(field) ?? (field.type === 'decimal' ? XML_PATTERNS.decimal : field.type === 'base64' ? XML_PATTERNS.base64 : undefined);
  return pattern === undefined ? like(value) : regex(pattern, value);
}

/** The documented pattern or the lexical form of the field's format, when the verifier can run it. */
function patternOf(field: FieldSpec): string | undefined {
  if (field.pattern !== undefined && isPortableRegex(field.pattern)) return searchPattern(field.pattern);
  if (field.type === 'date' || field.type === 'datetime') return DATE_PATTERNS[field.format ?? (field.type === 'date' ? 'yyyy-mm-dd' : 'iso')];
  if (field.format === 'email') return XML_PATTERNS.email;
  return undefined;
}

/**
 * The Pact verifier runs Rust regexes: no look-around and no back-references. A JavaScript
 * pattern using them cannot be handed over (it would not compile), so the leaf keeps a type match.
 */
export function isPortableRegex(pattern: string): boolean {
  return !/\(\?<?[=!]|\\[1-9]|\\k</.test(pattern);
}

function like(value: string | number | boolean): PactMatcher {
  return { 'pact:matcher:type': 'type', value };
}

function regex(pattern: string, value: string | number | boolean): PactMatcher {
  return { 'pact:matcher:type': 'regex', regex: pattern, value: String(value) };
}
