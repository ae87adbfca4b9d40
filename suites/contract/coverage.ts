import { violation } from '../../src/model/violation.ts';
import type { CoverageItem } from '../../src/coverage/coverage.ts';
import { always, contractCheck } from '../check.ts';

/**
 * Every documented item (field, response, rule, behaviour) has a case that passes on it and a case
 * or mutation that must fail on it, and every mutation of a documented constraint is caught.
 */
export const coverage = contractCheck({
  id: 'contract.coverage',
  title: 'Every documented field, response, rule and behaviour is exercised by a passing and a failing case',
  suite: 'contract',
  appliesTo: always,
  // The evidence is gathered case by case by the runner (src/runner/gather-coverage.ts): nothing to keep here.
  begin: () => ({
    add: () => undefined,
    finish: (ctx) => ctx.coverage.items.filter((i) => !i.covered).map((i) => violation('uncovered', i.id, gap(i))),
  }),
});

function gap(item: CoverageItem): string {
  const missing = [
    ...(item.passing.length === 0 ? ['a passing case'] : []),
    ...(item.failing.length === 0 ? ['a case or mutation that must fail'] : []),
    ...(item.missed.length === 0 ? [] : [`detection of ${item.missed.join(', ')}`]),
  ];
  const fix = item.missed.length > 0 ? ' A mutation the checks did not catch means the contract cannot detect that breakage: tighten the contract.' : ' Add a case that exercises it.';
  return `Received: ${item.id} lacks ${missing.join(' and ')} / Documented: every documented item is exercised both ways.${fix}`;
}
