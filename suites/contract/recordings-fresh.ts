import type { Violation } from '../../src/model/violation.ts';
import { always, contractCheck, type CaseContext } from '../check.ts';

/**
 * Recordings made by `conformance record` carry the sha256 of the contract they were made against;
 * one whose hash differs from the loaded contract's is stale (a warning: re-record it). Seeded
 * recordings carry no hash and are not judged.
 */
export const recordingsFresh = contractCheck({
  id: 'contract.recordings-fresh',
  title: 'Recordings were made against this version of the contract',
  suite: 'contract',
  appliesTo: always,
  begin: (start) => {
    const out: Violation[] = [];
    return {
      add: (c) => out.push(...stale(c, start.hash)),
      finish: () => out,
    };
  },
});

function stale(c: CaseContext, current: string | undefined): Violation[] {
  if (current === undefined || current === '') return [];
  const recorded = c.recording.ok ? c.recording.contractHash : undefined;
  if (recorded === undefined || recorded === current) return [];
  return [{
    rule: 'stale-recording',
    path: c.recording.file,
    message: `Received: a recording made against contract sha256 ${recorded.slice(0, 12)}… / Documented: ${c.contract.id} is now sha256 ${current.slice(0, 12)}…. The contract changed since this was recorded; re-record it: conformance record --vendor ${c.contract.vendor} --out DIR.`,
    severity: 'warning',
    params: { recorded, current },
  }];
}
