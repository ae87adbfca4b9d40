import { violation, type Violation } from '../../src/model/violation.ts';
import { always, type CaseCheck } from '../check.ts';

/** Request → transport → response gives the case's expected outcome, vendor code and message. */
export const scenarioOutcome: CaseCheck = {
  id: 'scenario.outcome',
  title: 'The response to the built request has the expected normalized outcome',
  suite: 'scenarios',
  scope: 'case',
  appliesTo: always,
  run: (ctx) => {
    const answered = ctx.answered;
    if (answered === undefined) return { skip: 'no response (see scenario.exchange)' };
    const expect = ctx.case.expect;
    const out: Violation[] = [];
    if (answered.outcome !== expect.outcome) {
      // The reason an answer is unknown follows the pair instead of nesting a second Received/Documented inside it.
      const why = answered.outcome === 'unknown' ? ` It matched no documented response (see response.documented): ${answered.violations.map((v) => v.message).join(' ')}` : '';
      out.push(violation('outcome', 'outcome', `Received: ${answered.outcome} / Documented: ${expect.outcome} for case ${ctx.case.name}.${why}`, { expected: expect.outcome, received: answered.outcome }));
    }
    if (expect.vendorCode !== undefined && answered.vendorCode !== expect.vendorCode) {
      out.push(violation('vendor-code', 'vendorCode', `Received: ${JSON.stringify(answered.vendorCode)} / Documented: ${JSON.stringify(expect.vendorCode)}.`));
    }
    if (expect.message !== undefined && answered.message !== expect.message) {
      out.push(violation('vendor-message', 'message', `Received: ${JSON.stringify(answered.message)} / Documented: ${JSON.stringify(expect.message)}.`));
    }
    return out;
  },
};
