import type { Contract } from '../types/contract.ts';
import { protocolFor } from '../protocols/index.ts';
import { fieldsValidator, type MutationBases } from '../mutations/contract-field-coverage.ts';
import { createMutationBaseSelector, type MutationBaseSelector } from '../mutations/select-mutation-bases.ts';
import type { CaseContext } from '../../suites/check.ts';

/** The mutation bases of one contract, folded case by case (see `createMutationBaseSelector`). */
export interface MutationBasesFold {
  add(c: CaseContext): void;
  /** The bases field coverage can pick: a few per part, not every case's messages. */
  bases(): MutationBases;
}

/** Start folding the recorded requests (body, SOAP header) and responses (by documented response) of a contract's cases. */
export function foldMutationBases(contract: Contract): MutationBasesFold {
  const flavor = protocolFor(contract.protocol).flavor;
  const { fields, header } = contract.request;
  const body = createMutationBaseSelector(fields, fieldsValidator(fields, flavor));
  const head = header === undefined ? undefined : createMutationBaseSelector(header, fieldsValidator(header, flavor));
  const responses = new Map<string, MutationBaseSelector>();
  for (const spec of contract.responses) {
    // Only documented responses with fields are mutated; others need no bases.
    if (spec.fields !== undefined && !responses.has(spec.name)) responses.set(spec.name, createMutationBaseSelector(spec.fields, fieldsValidator(spec.fields, flavor)));
  }
  return {
    add(c) {
      const recorded = c.recorded;
      if (recorded === undefined) return;
      body.add({ name: c.case.name, data: recorded.decoded.body });
      if (recorded.decoded.header !== undefined) head?.add({ name: c.case.name, data: recorded.decoded.header });
      const matched = recorded.response.matched;
      if (matched !== null) responses.get(matched)?.add({ name: c.case.name, data: recorded.response.data });
    },
    bases: () => ({
      requestBodies: body.selected(),
      requestHeaders: head?.selected() ?? [],
      responses: new Map([...responses].map(([name, s]) => [name, s.selected()])),
    }),
  };
}
