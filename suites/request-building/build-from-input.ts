import { always, type CaseCheck } from '../check.ts';

/** The case's canonical input maps onto every required vendor field. */
export const buildFromInput: CaseCheck = {
  id: 'request.build',
  title: 'The canonical input maps onto every required vendor field',
  suite: 'request-building',
  scope: 'case',
  appliesTo: always,
  run: (ctx) => ctx.built.violations,
};
