import { requestSequenceViolations } from '../../src/protocols/soap/sequence-violations.ts';
import type { CaseCheck } from '../check.ts';
import { onRecorded } from './recorded.ts';

/** Where the contract declares ordered children (xs:sequence), the request's elements follow that order. */
export const sequence: CaseCheck = {
  id: 'request.sequence',
  title: 'Elements follow the documented xs:sequence order where the contract declares one',
  suite: 'request-building',
  scope: 'case',
  appliesTo: (contract) => contract.protocol !== 'json' && hasOrder(contract.request.ordered, [...contract.request.fields, ...(contract.request.header ?? [])]),
  run: (ctx) => onRecorded(ctx, (r) => requestSequenceViolations(ctx.contract, r.message)),
};

function hasOrder(ordered: boolean | undefined, fields: readonly { readonly ordered?: boolean; readonly fields?: readonly unknown[] }[]): boolean {
  return ordered === true || fields.some((f) => f.ordered === true || hasOrder(undefined, (f.fields ?? []) as typeof fields));
}
