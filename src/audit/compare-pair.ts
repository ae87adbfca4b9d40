import type { HarEntry } from '../recording/har.ts';
import type { Contract } from '../types/contract.ts';
import type { DriftChange } from './drift-change.ts';
import type { DriftFinding, DriftRule } from './drift-rule.ts';
import { bodyDifferences } from './body-differences.ts';
import { createPairContext, type PairContext } from './pair-context.ts';
import type { PairResult, PairState } from './pair-result.ts';
import { classifySide, readBody, type ReadBody } from './read-side.ts';
import { createRedactor, type Redactor } from './redactor.ts';
import { requestSecrets } from './request-secrets.ts';
import type { SideView } from './side-view.ts';
import { treeEquals } from './tree-value.ts';

/** Who a recorded entry is: contract and case from `_contract`/`_case`, else from its path. */
export interface CaseIdentity {
  readonly vendor: string;
  readonly contract: string;
  readonly case: string;
}

/** The identity of an entry recorded at `file` (`<vendor>/<operation>/<case>.har`). */
export function caseIdentity(entry: HarEntry, file: string): CaseIdentity {
  const parts = file.split('/');
  const contract = entry._contract || parts.slice(0, -1).join('/');
  const name = entry._case || (parts.at(-1) ?? '').replace(/\.har$/, '');
  return { vendor: contract.split('/')[0] ?? contract, contract, case: name };
}

/**
 * Compare one case pair (either side may be missing) and run every rule over it. Identical
 * responses (same status, same body text) are unchanged without being parsed.
 */
export async function comparePair(before: HarEntry | undefined, after: HarEntry | undefined, file: string, contracts: ReadonlyMap<string, Contract>, rules: readonly DriftRule[]): Promise<PairResult> {
  const seen = before ?? after;
  if (seen === undefined) throw new Error('comparePair needs at least one side');
  const id = caseIdentity(seen, file);
  const spec = contracts.get(id.contract);
  const base = { ...id, file, contractKnown: spec !== undefined };
  if (before !== undefined && after !== undefined && sameResponse(before, after)) return { ...base, state: 'unchanged', changes: [] };
  const [b, a] = [before && readBody(before, spec), after && readBody(after, spec)];
  // Same status, media type and normalized body: every classification and rule gives the same answer.
  if (b !== undefined && a !== undefined && sameReading(b, a)) return { ...base, state: 'unchanged', changes: [] };
  const [baseline, current] = await Promise.all([b && classifySide(b, file, spec), a && classifySide(a, file, spec)]);
  const ctx = createPairContext({ ...id, file, spec, baseline, current, differences: bodyDifferences(baseline, current) });
  const findings = rules.map((rule) => [rule, rule.detect(ctx)] as const).filter(([, found]) => found.length > 0);
  // Secrets a recorded request carried unredacted are only looked for when there is evidence to redact.
  const secrets = findings.length === 0 || spec === undefined ? [] : [before, after].flatMap((e) => (e === undefined ? [] : requestSecrets(spec, e)));
  const redactor = createRedactor(spec, secrets);
  const changes = groupByCause(findings.flatMap(([rule, found]) => found.map((f) => toChange(rule, f, ctx, redactor))));
  return { ...base, state: stateOf(baseline, current, changes), changes };
}

function sameResponse(a: HarEntry, b: HarEntry): boolean {
  return a.response.status === b.response.status && (a.response.content.text ?? '') === (b.response.content.text ?? '');
}

function sameReading(a: ReadBody, b: ReadBody): boolean {
  if (a.status !== b.status || a.contentType !== b.contentType || a.body.kind !== b.body.kind) return false;
  if (a.body.kind === 'xml' || a.body.kind === 'json') return b.body.kind === a.body.kind && treeEquals(a.body.tree, b.body.tree, a.body.kind === 'xml');
  return a.body.kind === 'empty';
}

function stateOf(baseline: SideView | undefined, current: SideView | undefined, changes: readonly DriftChange[]): PairState {
  if (baseline === undefined) return 'added';
  if (current === undefined) return 'removed';
  return changes.length === 0 ? 'unchanged' : 'changed';
}

function toChange(rule: DriftRule, f: DriftFinding, ctx: PairContext, redactor: Redactor): DriftChange {
  const before = redactor.evidence(f.before, f.at);
  const after = redactor.evidence(f.after, f.at);
  return {
    id: rule.id,
    kind: rule.id.slice('drift.'.length),
    severity: rule.severity,
    vendor: ctx.vendor,
    contract: ctx.contract,
    case: ctx.case,
    file: ctx.file,
    path: redactor.text(f.path),
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
    message: redactor.text(f.message),
    ...(rule.severity === 'breaking' && rule.breaks !== undefined ? { breaks: rule.breaks } : {}),
  };
}

/**
 * Changes of one pair that follow from one cause, in order of precedence: a changed HTTP status,
 * else a body of another kind, else a changed outcome. Every other change of the pair is its
 * consequence (the code, message and body of another documented response) and names it.
 */
const CAUSES: ReadonlyArray<readonly [string, string]> = [
  ['drift.status-changed', 'response.status'],
  ['drift.type-changed', 'response.body'],
  ['drift.outcome-changed', 'response.outcome'],
];

function groupByCause(changes: readonly DriftChange[]): DriftChange[] {
  const cause = CAUSES.map(([id, path]) => changes.find((c) => c.id === id && c.path === path)).find((c) => c !== undefined);
  if (cause === undefined) return [...changes];
  const causedBy = { id: cause.id, path: cause.path };
  return changes.map((c) => (c === cause ? c : { ...c, causedBy }));
}
