import { violation } from '../../src/model/violation.ts';
import { always, type CaseCheck } from '../check.ts';

/** The request built from the case input got an answer from the target. */
export const scenarioExchange: CaseCheck = {
  id: 'scenario.exchange',
  title: 'The built request reaches the target and gets a response',
  suite: 'scenarios',
  scope: 'case',
  appliesTo: always,
  run: (ctx) => (ctx.sent.ok ? [] : [violation(ctx.sent.kind, ctx.built.request.url.replace(/\?.*$/, ''), ctx.sent.problem)]),
};
