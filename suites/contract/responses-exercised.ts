import { violation } from '../../src/model/violation.ts';
import { always, type ContractCheck } from '../check.ts';

/** Every documented response is matched by at least one case's recorded response. */
export const responsesExercised: ContractCheck = {
  id: 'contract.responses-exercised',
  title: 'Every documented response is exercised by a recorded case',
  suite: 'contract',
  scope: 'contract',
  appliesTo: always,
  run: (ctx) => {
    const matched = new Set(ctx.cases.map((c) => c.recorded?.response.matched).filter((m) => m !== null && m !== undefined));
    return ctx.contract.responses
      .filter((r) => !matched.has(r.name))
      .map((r) => violation('unexercised-response', `responses.${r.name}`, `Received: no recorded case answered with "${r.name}" / Documented: ${(r.description ?? r.name).replace(/\.$/, '')}. Add a case and recording for it.`));
  },
};
