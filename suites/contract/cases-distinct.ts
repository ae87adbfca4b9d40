import { violation, type Violation } from '../../src/model/violation.ts';
import { requestKey } from '../../src/recording/compare-requests.ts';
import { always, contractCheck } from '../check.ts';

/** No two cases build the same request: replay (and any reader) could not tell their responses apart. */
export const casesDistinct = contractCheck({
  id: 'contract.cases-distinct',
  title: 'Every case builds a distinct request, so each recording is reachable',
  suite: 'contract',
  appliesTo: always,
  begin: () => {
    // Cases are grouped by the key replay matches on, so this stays linear in the number of cases;
    // each case leaves only its key and name behind.
    const earlier = new Map<string, string[]>();
    const out: Violation[] = [];
    return {
      add: (b) => {
        const key = requestKey(b.contract, b.built.request);
        const same = earlier.get(key) ?? [];
        for (const a of same) {
          out.push(violation('duplicate-request', `cases.${b.case.name}`, `Received: case "${b.case.name}" builds the same request as "${a}" / Documented: each case needs a distinct request, or replay answers both with one recording. Change one input.`));
        }
        earlier.set(key, [...same, b.case.name]);
      },
      finish: () => out,
    };
  },
});
