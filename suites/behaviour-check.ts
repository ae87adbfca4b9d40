import type { SuiteName } from '../src/model/check-result.ts';
import type { BehaviourKind } from '../src/types/contract.ts';
import type { Violation } from '../src/model/violation.ts';
import { evaluateBehaviour } from '../src/behaviours/evaluate-behaviour.ts';
import type { CaseCheck } from './check.ts';

/** A case check that examines one documented behaviour kind on the recorded exchange. */
export function behaviourCheck(kind: BehaviourKind, suite: SuiteName, title: string): CaseCheck {
  return {
    id: `behaviour.${kind}`,
    title,
    suite,
    scope: 'case',
    appliesTo: (contract) => (contract.behaviours ?? []).some((b) => b.kind === kind),
    run: (ctx) => {
      const recorded = ctx.recorded;
      if (recorded === undefined) return { skip: 'the recording could not be read (see contract.recordings-valid)' };
      const input = { request: recorded.decoded.body, response: recorded.response.outcome === 'ok' ? recorded.response.data : undefined };
      const results = (ctx.contract.behaviours ?? []).filter((b) => b.kind === kind).map((b) => evaluateBehaviour(ctx.contract, b, input));
      if (results.every((r) => r === undefined)) return { notApplicable: `${kind} can only be seen in an ok answer, and this case's recorded answer is not ok` };
      return results.flatMap((r): Violation[] => r ?? []);
    },
  };
}
