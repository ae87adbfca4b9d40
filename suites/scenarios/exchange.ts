import { violation } from '../../src/model/violation.ts';
import { always, type CaseCheck } from '../check.ts';
import { contentTypeViolations } from './content-type.ts';

/** The request built from the case input got an answer from the target, under the documented content type. */
export const scenarioExchange: CaseCheck = {
  id: 'scenario.exchange',
  title: 'The built request reaches the target and gets a response',
  suite: 'scenarios',
  scope: 'case',
  appliesTo: always,
  run: (ctx) => {
    if (!ctx.sent.ok) return [violation(ctx.sent.kind, ctx.built.request.url.replace(/\?.*$/, ''), ctx.sent.problem)];
    return contentTypeViolations(ctx.contract, ctx.answered?.matched, ctx.sent.exchange.response);
  },
};
