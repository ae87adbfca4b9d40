import type { Contract, FieldSpec, ResponseSpec } from '../types/contract.ts';
import type { Violation } from '../model/violation.ts';
import { protocolFor } from '../protocols/index.ts';
import { fieldsToSchema, type SchemaFlavor } from '../protocols/shared/fields-to-schema.ts';
import { validateSchema } from '../protocols/shared/validate-schema.ts';
import { runFieldMutations, type FieldCoverage, type MutationBase } from './run-field-mutations.ts';
import { cachedFieldCoverage } from './coverage-cache.ts';

/** Conforming messages of a contract, from its recorded cases. */
export interface MutationBases {
  readonly requestBodies: readonly MutationBase[];
  readonly requestHeaders: readonly MutationBase[];
  /** Decoded response data by the documented response it matched. */
  readonly responses: ReadonlyMap<string, readonly MutationBase[]>;
}

/** Field coverage of one part of a contract (the request body, SOAP header, or one documented response). */
export interface PartCoverage {
  readonly part: string;
  readonly fields: readonly FieldCoverage[];
}

/**
 * Mutate every documented field of the request, SOAP header and each documented response; a run of the
 * CLI bundle reuses the result of an earlier run on the same contract and recordings (see cachedFieldCoverage).
 */
export function contractFieldCoverage(contract: Contract, bases: MutationBases): PartCoverage[] {
  return cachedFieldCoverage(contract, bases, () => deriveFieldCoverage(contract, bases));
}

/** The validator field mutations are judged by: the JSON Schema derived from `fields`. */
export function fieldsValidator(fields: readonly FieldSpec[], flavor: SchemaFlavor): (data: unknown) => readonly Violation[] {
  return (d) => validateSchema(fields, () => fieldsToSchema(fields, flavor), d);
}

function deriveFieldCoverage(contract: Contract, bases: MutationBases): PartCoverage[] {
  const flavor = protocolFor(contract.protocol).flavor;
  const { fields, header } = contract.request;
  const parts: PartCoverage[] = [{ part: 'request', fields: runFieldMutations(fields, flavor, bases.requestBodies, fieldsValidator(fields, flavor)) }];
  if (header !== undefined) {
    parts.push({ part: 'request header', fields: runFieldMutations(header, flavor, bases.requestHeaders, fieldsValidator(header, flavor)) });
  }
  for (const spec of contract.responses) parts.push(...responsePart(spec, flavor, bases.responses.get(spec.name) ?? []));
  return parts;
}

function responsePart(spec: ResponseSpec, flavor: SchemaFlavor, bases: readonly MutationBase[]): PartCoverage[] {
  const fields = spec.fields;
  if (fields === undefined) return [];
  return [{ part: `response ${spec.name}`, fields: runFieldMutations(fields, flavor, bases, fieldsValidator(fields, flavor)) }];
}
