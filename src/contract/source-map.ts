import { isMap, isNode, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';

/** A 1-based source position. */
export interface SourcePosition {
  readonly line: number;
  readonly col: number;
}

/** Maps data paths (as ajv's instancePath segments) back to positions in a YAML/JSON source. */
export class SourceMap {
  readonly #doc: Document;
  readonly #lines: LineCounter;

  constructor(doc: Document, lines: LineCounter) {
    this.#doc = doc;
    this.#lines = lines;
  }

  /**
   * Position of the node at `path`; when `key` is given, of that key inside the map at `path`.
   * Falls back to the nearest ancestor that exists (e.g. inside a YAML merge).
   */
  positionOf(path: readonly (string | number)[], key?: string): SourcePosition {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.#nodeAt(path.slice(0, depth));
      if (node === undefined) continue;
      if (key !== undefined && depth === path.length) {
        const keyNode = findKeyNode(node, key);
        if (keyNode !== undefined) return this.#at(keyNode);
      }
      return this.#at(node);
    }
    return { line: 1, col: 1 };
  }

  #nodeAt(path: readonly (string | number)[]): Node | undefined {
    if (path.length === 0) return isNode(this.#doc.contents) ? this.#doc.contents : undefined;
    const found: unknown = this.#doc.getIn(path, true);
    return isNode(found) ? found : undefined;
  }

  #at(node: Node): SourcePosition {
    const offset = node.range?.[0] ?? 0;
    const { line, col } = this.#lines.linePos(offset);
    return { line, col };
  }
}

function findKeyNode(node: Node, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) return pair.key;
  }
  return undefined;
}

/** Split an ajv instancePath (`/request/fields/0`) into segments, numbers for array indices. */
export function splitInstancePath(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
