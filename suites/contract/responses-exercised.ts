import { violation } from '../../src/model/violation.ts';
import { always, contractCheck } from '../check.ts';

/** Every documented response is matched by at least one case's recorded response. */
export const responsesExercised = contractCheck({
  id: 'contract.responses-exercised',
  title: 'Every documented response is exercised by a recorded case',
  suite: 'contract',
  appliesTo: always,
  begin: () => {
    const matched = new Set<string>();
    return {
      add: (c) => {
        const name = c.recorded?.response.matched;
        if (name !== null && name !== undefined) matched.add(name);
      },
      finish: (ctx) =>
        ctx.contract.responses
          .filter((r) => !matched.has(r.name))
          .map((r) => violation('unexercised-response', `responses.${r.name}`, `Received: no recorded case answered with "${r.name}" / Documented: ${(r.description ?? r.name).replace(/\.$/, '')}. Add a case and recording for it.`)),
    };
  },
});
