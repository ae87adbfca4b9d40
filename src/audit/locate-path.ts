import { parseTreeKey } from './tree-key.ts';
import { isTreeArray, isTreeObject, type Segment, type TreeValue } from './tree-value.ts';

/**
 * The tree path of a contract's dotted data path (`UpdateInvoiceResult.ErrorCode`, `status.code`)
 * below the payload, matching local names; the first item of a repeated element is taken.
 * Undefined when the tree has nothing there.
 */
export function locatePath(tree: TreeValue, payloadPath: readonly Segment[], dotted: string): Segment[] | undefined {
  let node: TreeValue | undefined = tree;
  const at: Segment[] = [];
  for (const segment of payloadPath) {
    node = step(node, segment, at);
    if (node === undefined) return undefined;
  }
  for (const name of dotted === '' ? [] : dotted.split('.')) {
    if (isTreeArray(node)) {
      at.push(0);
      node = node[0];
    }
    if (!isTreeObject(node)) return undefined;
    const key: string | undefined = Object.keys(node).find((k) => parseTreeKey(k).role === 'member' && parseTreeKey(k).local === name);
    if (key === undefined) return undefined;
    node = step(node, key, at);
  }
  return at;
}

function step(node: TreeValue | undefined, segment: Segment, at: Segment[]): TreeValue | undefined {
  at.push(segment);
  if (typeof segment === 'number') return isTreeArray(node) ? node[segment] : undefined;
  return isTreeObject(node) ? node[segment] : undefined;
}
