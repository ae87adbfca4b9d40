import type { FieldSpec } from '../../src/types/contract.ts';
import { violation, type Violation } from '../../src/model/violation.ts';
import { compareVersions } from '../../src/contract/compare-versions.ts';
import type { CaseCheck } from '../check.ts';
import { onRecorded } from './recorded.ts';

/** With `--vendor-version`, the request uses no operation or field the targeted vendor version lacks. */
export const vendorVersion: CaseCheck = {
  id: 'request.vendor-version',
  title: 'The request uses only features the targeted vendor version has',
  suite: 'request-building',
  scope: 'case',
  appliesTo: (contract) => contract.since !== undefined || hasSince(contract.request.fields),
  run: (ctx) => {
    const version = ctx.vendorVersion;
    if (version === undefined) return { skip: `no --vendor-version given for ${ctx.contract.vendor}` };
    return onRecorded(ctx, (r) => {
      const out: Violation[] = [];
      if (ctx.contract.since !== undefined && compareVersions(version, ctx.contract.since) < 0) {
        out.push(violation('since', '/', `Received: a ${ctx.contract.operation} request for version ${version} / Documented: ${ctx.contract.operation} is available from ${ctx.contract.since}.`));
      }
      return [...out, ...tooNew(ctx.contract.request.fields, r.decoded.body, version, '')];
    });
  },
};

function hasSince(fields: readonly FieldSpec[]): boolean {
  return fields.some((f) => f.since !== undefined || hasSince(f.fields ?? []));
}

function tooNew(fields: readonly FieldSpec[], data: unknown, version: string, path: string): Violation[] {
  if (typeof data !== 'object' || data === null) return [];
  return fields.flatMap((f) => {
    const value = (data as Record<string, unknown>)[f.name];
    if (value === undefined) return [];
    const at = `${path}/${f.name}`;
    const own = f.since !== undefined && compareVersions(version, f.since) < 0
      ? [violation('since', at, `Received: ${f.name} in a request for version ${version} / Documented: ${f.name} is available from ${f.since}. Leave it out for this version.`)]
      : [];
    const items = Array.isArray(value) ? value : [value];
    return [...own, ...items.flatMap((item) => tooNew(f.fields ?? [], item, version, at))];
  });
}
