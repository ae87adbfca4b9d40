import { diffTrees } from './diff-trees.ts';
import type { SideView } from './side-view.ts';
import type { TreeDifference } from './tree-difference.ts';

/**
 * The differences between two sides' bodies: one `body` difference when their kinds differ (XML, JSON,
 * text, empty), the tree diff of two XML or JSON bodies, none when a side is missing or neither is a tree.
 */
export function bodyDifferences(baseline: SideView | undefined, current: SideView | undefined): TreeDifference[] {
  if (baseline === undefined || current === undefined) return [];
  const b = baseline.body;
  const c = current.body;
  if (b.kind !== c.kind) return [{ kind: 'body', before: b.kind, after: c.kind }];
  if ((b.kind === 'xml' || b.kind === 'json') && (c.kind === 'xml' || c.kind === 'json')) return diffTrees(b.tree, c.tree, b.kind === 'xml');
  return [];
}
