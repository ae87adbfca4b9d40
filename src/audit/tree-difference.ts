import type { BodyKind } from './normalized-body.ts';
import type { Segment, TreeValue } from './tree-value.ts';

/**
 * One structural difference between a baseline body and a current body, before any severity is
 * given to it (the drift rules in `suites/audit/` do that). Paths are tree paths (see `TreeValue`).
 */
export type TreeDifference =
  /** The bodies are of different kinds (XML, JSON, empty, unreadable); nothing below is compared. */
  | { readonly kind: 'body'; readonly before: BodyKind; readonly after: BodyKind }
  /** A member present before is gone. `item`: an occurrence of a repeated field, not the field itself. */
  | { readonly kind: 'removed'; readonly at: readonly Segment[]; readonly value: TreeValue; readonly item: boolean }
  /** A member that was not there before. */
  | { readonly kind: 'added'; readonly at: readonly Segment[]; readonly value: TreeValue; readonly item: boolean }
  /** The same value now sits under another name at the same parent. */
  | { readonly kind: 'renamed'; readonly at: readonly Segment[]; readonly to: readonly Segment[]; readonly value: TreeValue }
  /** The same name and value now sit under another parent. */
  | { readonly kind: 'moved'; readonly at: readonly Segment[]; readonly to: readonly Segment[]; readonly value: TreeValue }
  /** Same local name at the same place, another namespace URI (descendants that moved with it are not repeated). */
  | { readonly kind: 'namespace'; readonly at: readonly Segment[]; readonly to: readonly Segment[]; readonly before: string; readonly after: string }
  /** A value at the same path differs. */
  | { readonly kind: 'value'; readonly at: readonly Segment[]; readonly before: TreeValue; readonly after: TreeValue }
  /** Repeated elements (an array) hold the same items in another order: baseline item numbers, in current order. */
  | { readonly kind: 'reordered'; readonly at: readonly Segment[]; readonly before: readonly number[]; readonly after: readonly number[] }
  /** XML child elements of different names appear in another sequence. */
  | { readonly kind: 'sequence'; readonly at: readonly Segment[]; readonly before: readonly string[]; readonly after: readonly string[] };
