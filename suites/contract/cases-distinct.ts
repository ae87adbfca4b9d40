import { violation, type Violation } from '../../src/model/violation.ts';
import { compareRequests } from '../../src/recording/compare-requests.ts';
import { always, type ContractCheck } from '../check.ts';

/** No two cases build the same request: replay (and any reader) could not tell their responses apart. */
export const casesDistinct: ContractCheck = {
  id: 'contract.cases-distinct',
  title: 'Every case builds a distinct request, so each recording is reachable',
  suite: 'contract',
  scope: 'contract',
  appliesTo: always,
  run: (ctx) => {
    const out: Violation[] = [];
    ctx.cases.forEach((a, i) => {
      for (const b of ctx.cases.slice(i + 1)) {
        if (compareRequests(ctx.contract, a.built.request, b.built.request).length === 0) {
          out.push(violation('duplicate-request', `cases.${b.case.name}`, `Received: case "${b.case.name}" builds the same request as "${a.case.name}" / Documented: each case needs a distinct request, or replay answers both with one recording. Change one input.`));
        }
      }
    });
    return out;
  },
};
