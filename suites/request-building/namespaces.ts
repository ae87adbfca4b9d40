import type { CaseCheck } from '../check.ts';
import { decodeViolations, onRecorded } from './recorded.ts';

const RULES = new Set(['namespace', 'operation-element', 'root-element', 'unexpected-element']);

/** The operation element and every child are in the documented namespace, with documented names. */
export const namespaces: CaseCheck = {
  id: 'request.namespaces',
  title: 'Operation element and children are in the documented namespace (by URI, not prefix)',
  suite: 'request-building',
  scope: 'case',
  appliesTo: (contract) => contract.protocol !== 'json',
  run: (ctx) => onRecorded(ctx, (r) => decodeViolations(r, RULES)),
};
