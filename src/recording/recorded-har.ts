import type { HarSource } from './har.ts';
import type { RedactedExchange } from './redact-exchange.ts';
import { toHarEntry } from './to-har.ts';

/** Provenance a recorded file carries besides the exchange. */
export interface RecordingMeta {
  readonly contract: string;
  /** sha256 of the contract file the recording was made against (stale detection). */
  readonly contractHash: string;
  readonly case: string;
  /** `live` or `simulate`. */
  readonly target: string;
  /** ISO 8601. */
  readonly recordedAt: string;
  readonly creator: { readonly name: string; readonly version: string };
}

/**
 * The HAR 1.2 text of one recorded case: the redacted exchange with `_source` kind `recorded`,
 * `_redactions`, and on the log `_contractHash`, `_target` and `_recordedAt`. Stable indentation
 * and key order; a final newline.
 */
export function recordedHar(redacted: RedactedExchange, meta: RecordingMeta): string {
  const source: HarSource = { kind: 'recorded', doc: `conformance record --target ${meta.target}`, example: `case ${meta.case}`, note: 'Captured by conformance record; secrets redacted before writing.' };
  const entry = toHarEntry(redacted.exchange, { contract: meta.contract, case: meta.case, source, redactions: redacted.redactions, startedDateTime: meta.recordedAt });
  const har = { log: { version: '1.2', creator: meta.creator, _contractHash: meta.contractHash, _target: meta.target, _recordedAt: meta.recordedAt, entries: [entry] } };
  return `${JSON.stringify(har, null, 2)}\n`;
}
