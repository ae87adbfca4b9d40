import type { Contract, FieldSpec } from '../types/contract.ts';
import { locatePath } from './locate-path.ts';
import { formatPath, payloadLocalPath, type PathStyle } from './format-path.ts';
import type { SideView } from './side-view.ts';
import type { TreeDifference } from './tree-difference.ts';
import { parseTreeKey } from './tree-key.ts';
import type { Segment } from './tree-value.ts';

/** Which recording of a pair. */
export type Side = 'baseline' | 'current';

/** Everything a drift rule sees about one case pair. Rules only read it. */
export interface PairContext {
  readonly vendor: string;
  /** Contract id from the recording (`_contract`), e.g. `centra/invoices_Update`. */
  readonly contract: string;
  readonly case: string;
  /** Recording path relative to both roots. */
  readonly file: string;
  /** The loaded contract, when `--contracts` has it. */
  readonly spec: Contract | undefined;
  /** Absent when the case exists only in the current recordings. */
  readonly baseline: SideView | undefined;
  /** Absent when the case exists only in the baseline. */
  readonly current: SideView | undefined;
  /** Structural differences of the two bodies; empty unless both sides exist. */
  readonly differences: readonly TreeDifference[];
  /** `xml` (Clark paths) or `json` (`$` paths), from the bodies. */
  readonly style: PathStyle;
  /** A tree path as reports write it. */
  path(at: readonly Segment[]): string;
  /** The contract's description of the field at a tree path, in the response that side matched. */
  fieldAt(side: Side, at: readonly Segment[]): FieldSpec | undefined;
  /** A tree path as the contract's decoder names it (`/Result/Code`), or undefined outside the payload. */
  localPath(side: Side, at: readonly Segment[]): string | undefined;
  /** The tree path of a contract data path (a response's `code` or `message`) in that side's body. */
  locate(side: Side, dotted: string): readonly Segment[] | undefined;
}

/** The parts of a context the engine supplies; the helpers are derived. */
export type PairFacts = Omit<PairContext, 'style' | 'path' | 'fieldAt' | 'localPath' | 'locate'>;

/** Build the context for one pair. */
export function createPairContext(facts: PairFacts): PairContext {
  const kind = facts.current?.body.kind ?? facts.baseline?.body.kind;
  const style: PathStyle = kind === 'xml' ? 'xml' : 'json';
  const view = (side: Side): SideView | undefined => (side === 'baseline' ? facts.baseline : facts.current);
  return {
    ...facts,
    style,
    path: (at) => formatPath(at, style),
    fieldAt: (side, at) => documentedField(facts.spec, view(side), at),
    localPath: (side, at) => {
      const body = view(side)?.body;
      return body === undefined || body.kind === 'empty' || body.kind === 'unreadable' ? undefined : payloadLocalPath(body.payloadPath, at);
    },
    locate: (side, dotted) => {
      const body = view(side)?.body;
      return body === undefined || body.kind === 'empty' || body.kind === 'unreadable' ? undefined : locatePath(body.tree, body.payloadPath, dotted);
    },
  };
}

function documentedField(spec: Contract | undefined, side: SideView | undefined, at: readonly Segment[]): FieldSpec | undefined {
  const matched = side?.parsed?.matched;
  const body = side?.body;
  if (spec === undefined || matched == null || body === undefined || body.kind === 'empty' || body.kind === 'unreadable') return undefined;
  const fields = spec.responses.find((r) => r.name === matched)?.fields;
  const local = payloadLocalPath(body.payloadPath, at);
  if (fields === undefined || local === undefined || local === '/') return undefined;
  return walkFields(fields, at.slice(body.payloadPath.length));
}

function walkFields(fields: readonly FieldSpec[], at: readonly Segment[]): FieldSpec | undefined {
  let list: readonly FieldSpec[] | undefined = fields;
  let found: FieldSpec | undefined;
  for (const segment of at) {
    if (typeof segment === 'number') continue;
    const key = parseTreeKey(segment);
    if (key.role !== 'member' || list === undefined) return undefined;
    found = list.find((f) => f.name === key.local);
    if (found === undefined) return undefined;
    list = found.fields;
  }
  return found;
}
