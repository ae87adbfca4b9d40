import type { CaseSpec, Contract } from '../types/contract.ts';

/** The recording path of a case, relative to the recordings folder. */
export function recordingPath(contract: Contract, c: CaseSpec): string {
  return c.recording ?? `${contract.id}/${c.name}.har`;
}
