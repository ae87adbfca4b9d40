import { assertNever } from '../model/result.ts';
import type { MessageBody } from '../protocols/protocol.ts';
import { collectPrefixes } from './collect-prefixes.ts';
import { normalizeXml } from './normalize-xml.ts';
import { treeKey } from './tree-key.ts';
import { treeObject, type Segment, type TreeValue } from './tree-value.ts';

/** What kind of body a response has; a change of kind is a type change of the whole body. */
export type BodyKind = 'xml' | 'json' | 'empty' | 'unreadable';

/** A response body ready for comparison. */
export type NormalizedBody =
  | {
      readonly kind: 'xml' | 'json';
      readonly tree: TreeValue;
      /** Where the payload the contract describes starts: `[Envelope, Body, op]` (SOAP), `[root]` (XML), `[]` (JSON). */
      readonly payloadPath: readonly Segment[];
      /** Prefix → URI declared in the document, to read QName-valued codes such as `s:Client`. */
      readonly prefixes: ReadonlyMap<string, string>;
    }
  | { readonly kind: 'empty' }
  | { readonly kind: 'unreadable'; readonly problem: string };

const NO_PREFIXES: ReadonlyMap<string, string> = new Map();

/** Normalize a body a protocol has read (see `normalizeXml` for XML; JSON is copied as parsed). */
export function normalizeBody(message: MessageBody, text: string): NormalizedBody {
  switch (message.kind) {
    case 'empty':
      return { kind: 'empty' };
    case 'unreadable':
      return { kind: 'unreadable', problem: message.problem.message };
    case 'json':
      return { kind: 'json', tree: fromJson(message.value), payloadPath: [], prefixes: NO_PREFIXES };
    case 'xml': {
      const prefixes = collectPrefixes(text);
      const rootKey = treeKey('member', message.root.ns, message.root.local);
      const payload = message.payload;
      let payloadPath: Segment[] = [rootKey];
      if (payload !== undefined && payload !== message.root) {
        const body = message.root.children.find((c) => c.children.includes(payload));
        payloadPath = body === undefined ? [rootKey] : [rootKey, treeKey('member', body.ns, body.local), treeKey('member', payload.ns, payload.local)];
      }
      return { kind: 'xml', tree: normalizeXml(message.root, prefixes), payloadPath, prefixes };
    }
    default:
      return assertNever(message);
  }
}

/** A parsed JSON value as a tree of prototype-less objects. */
export function fromJson(value: unknown): TreeValue {
  if (Array.isArray(value)) return value.map(fromJson);
  if (typeof value === 'object' && value !== null) {
    const out = treeObject();
    for (const [k, v] of Object.entries(value)) out[k] = fromJson(v);
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}
