import type { Check, CaseContext, ContractStart } from '../../suites/check.ts';

/** Where the run read its inputs, as flags to repeat in a reproduce command ('' for the defaults). */
export interface ReproduceFlags {
  readonly contracts: string;
  readonly recordings: string;
  readonly target: string;
}

/**
 * One command that reruns just this check (and, for a case check, just this case) with the same
 * contracts, recordings and target: `conformance run --vendor centra --case update-ok --check request.namespaces`.
 */
export function reproduceCommand(check: Check, ctx: CaseContext | ContractStart, flags: ReproduceFlags): string {
  const target = flags.target === 'replay' ? '' : ` --target ${flags.target}`;
  const only = check.scope === 'case' ? ` --case ${quoteArg((ctx as CaseContext).case.name)}` : '';
  return `conformance run --vendor ${ctx.contract.vendor}${only} --check ${check.id}${target}${flags.contracts}${flags.recordings}`;
}

/** Quote a shell argument only when it needs it (case names are usually plain kebab-case). */
function quoteArg(value: string): string {
  return /^[A-Za-z0-9._\/-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
