import type { EvidenceValue } from '../../../src/audit/drift-change.ts';

/** Evidence as text: strings quoted as JSON (so whitespace and emptiness show), `(absent)` when the side has nothing. */
export function formatEvidence(value: EvidenceValue | undefined): string {
  if (value === undefined) return '(absent)';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** A Clark path with its namespace URIs left out, for narrow displays: `/Envelope/Body/Result/Code`. */
export function shortPath(path: string): string {
  return path.replace(/\{[^{}]*\}/g, '');
}
