import { REDACTED } from '../recording/har.ts';
import { redactText } from '../recording/redact-text.ts';
import { secretPlaces } from '../recording/secret-paths.ts';
import type { Contract } from '../types/contract.ts';
import type { EvidenceValue } from './drift-change.ts';
import { parseTreeKey } from './tree-key.ts';
import type { Segment } from './tree-value.ts';

/** Longest evidence text kept for a structure; longer JSON is shortened with `…`. */
export const MAX_EVIDENCE_LENGTH = 200;

/** Turns rule findings into report-safe evidence. */
export interface Redactor {
  /** A value as evidence: `[redacted]` at a credential position, secrets cut out of text, structures as short JSON. */
  evidence(value: unknown, at: readonly Segment[] | undefined): EvidenceValue | undefined;
  /** Text with every known secret value replaced by `[redacted]`. */
  text(value: string): string;
}

/**
 * A redactor for one pair. Credential positions are the contract's secret fields and query
 * parameters (`secretPlaces`), matched by name wherever they appear in a response; `secrets` are
 * values a request carried unredacted, cut out of any text.
 */
export function createRedactor(contract: Contract | undefined, secrets: readonly string[]): Redactor {
  const names = secretNames(contract);
  const values = [...new Set(secrets)].sort((a, b) => b.length - a.length);
  // The one redaction model (every encoding, depth 2), as recordings and reports use.
  const text = (value: string): string => redactText(value, values).text;
  const isSecretKey = (key: string): boolean => names.has(parseTreeKey(key).local.toLowerCase());
  return {
    text,
    evidence(value, at) {
      if (value === undefined) return undefined;
      if (at?.some((s) => typeof s === 'string' && isSecretKey(s)) === true) return REDACTED;
      if (typeof value === 'string') return text(value);
      if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
      return shorten(text(JSON.stringify(readable(value, isSecretKey))));
    },
  };
}

function secretNames(contract: Contract | undefined): ReadonlySet<string> {
  if (contract === undefined) return new Set();
  const names = secretPlaces(contract).map((p) => (p.in === 'query' ? p.name : (p.path.at(-1) ?? '')));
  const credentials = Object.entries(contract.credentials).filter(([, c]) => c.secret).map(([name]) => name);
  return new Set([...names, ...credentials].filter((n) => n !== '').map((n) => n.toLowerCase()));
}

/** A structure with local names for keys (evidence is for people) and credential values redacted. */
function readable(value: unknown, isSecretKey: (key: string) => boolean): unknown {
  if (Array.isArray(value)) return value.map((v: unknown) => readable(v, isSecretKey));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const k = parseTreeKey(key);
    const name = k.role === 'attribute' ? `@${k.local}` : k.local;
    Object.defineProperty(out, name, { value: isSecretKey(key) ? REDACTED : readable(v, isSecretKey), enumerable: true });
  }
  return out;
}

function shorten(text: string): string {
  return text.length <= MAX_EVIDENCE_LENGTH ? text : `${text.slice(0, MAX_EVIDENCE_LENGTH - 1)}…`;
}
