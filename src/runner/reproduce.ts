import type { Check, CaseContext, ContractContext } from '../../suites/check.ts';

/** Where the run read its inputs, as flags to repeat in a reproduce command ('' for the defaults). */
export interface ReproduceFlags {
  readonly contracts: string;
  readonly recordings: string;
  readonly target: string;
}

/** One command that reproduces a check's result, naming the same contracts and recordings. */
export function reproduceCommand(check: Check, ctx: CaseContext | ContractContext, flags: ReproduceFlags): string {
  if (check.suite === 'response-parsing' && 'recording' in ctx) {
    return `conformance parse ${ctx.contract.id} --response ${ctx.recording.file}${flags.contracts}`;
  }
  if (check.id === 'request.build' && 'case' in ctx) return `conformance build ${ctx.contract.id} --case ${ctx.case.name}${flags.contracts}`;
  const target = flags.target === 'replay' ? '' : ` --target ${flags.target}`;
  return `conformance run --vendor ${ctx.contract.vendor}${target}${flags.contracts}${flags.recordings}`;
}
