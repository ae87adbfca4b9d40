import { beforeAll, describe, expect, it } from 'vitest';
import { createMutationBaseSelector } from '../../../src/mutations/select-mutation-bases.ts';
import { fieldsValidator } from '../../../src/mutations/contract-field-coverage.ts';
import { runFieldMutations, type MutationBase } from '../../../src/mutations/run-field-mutations.ts';
import type { ContractContext } from '../../../suites/check.ts';
import { CENTRA_CONTRACT, CENTRA_RECORDINGS } from '../../helpers/paths.ts';
import { prepareContract } from '../../helpers/prepare-contract.ts';

describe('createMutationBaseSelector', () => {
  let centra: ContractContext;
  let bases: MutationBase[];
  beforeAll(async () => {
    centra = await prepareContract(CENTRA_CONTRACT, CENTRA_RECORDINGS);
    const recorded = centra.cases.flatMap((c) => (c.recorded === undefined ? [] : [{ name: c.case.name, data: c.recorded.decoded.body }]));
    // A non-conforming base first: it must never be picked, and must not count as "the first conforming one".
    bases = [{ name: 'broken', data: { unexpected: 'shape' } }, ...recorded, ...recorded.map((b) => ({ ...b, name: `${b.name}-again` }))];
  });

  it('keeps few of many bases, and field mutations over them give exactly what they give over every base', () => {
    const { fields } = centra.contract.request;
    const validate = fieldsValidator(fields, 'xml');
    const selector = createMutationBaseSelector(fields, validate);
    for (const b of bases) selector.add(b);
    const kept = selector.selected();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(bases.length / 4);
    expect(kept.map((b) => b.name)).not.toContain('broken');
    expect(kept.some((b) => b.name.endsWith('-again'))).toBe(false);
    expect(runFieldMutations(fields, 'xml', kept, validate)).toEqual(runFieldMutations(fields, 'xml', bases, validate));
  });

  it('keeps nothing when no base conforms, so no field has a passing instance', () => {
    const { fields } = centra.contract.request;
    const validate = fieldsValidator(fields, 'xml');
    const selector = createMutationBaseSelector(fields, validate);
    selector.add({ name: 'broken', data: { unexpected: 'shape' } });
    expect(selector.selected()).toEqual([]);
    expect(runFieldMutations(fields, 'xml', selector.selected(), validate).every((f) => f.passing === null)).toBe(true);
  });
});
