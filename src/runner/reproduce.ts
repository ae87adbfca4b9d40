import type { Check, CaseContext, ContractContext } from '../../suites/check.ts';

/** One command that reproduces a check's result. */
export function reproduceCommand(check: Check, ctx: CaseContext | ContractContext, target: string): string {
  const vendor = `--vendor ${ctx.contract.vendor}`;
  if (check.suite === 'response-parsing' && 'recording' in ctx) {
    return `conformance parse ${ctx.contract.id} --response ${ctx.recording.file}`;
  }
  if (check.id === 'request.build' && 'case' in ctx) return `conformance build ${ctx.contract.id} --case ${ctx.case.name}`;
  return `conformance run ${vendor}${target === 'replay' ? '' : ` --target ${target}`}`;
}
