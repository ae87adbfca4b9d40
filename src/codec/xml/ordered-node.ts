import { XMLParser } from 'fast-xml-parser';

/** Key fast-xml-parser uses for text and CDATA items (`textNodeName`). */
export const TEXT_KEY = '#text';
/** Key under which fast-xml-parser keeps an element's attributes with `preserveOrder`. */
export const ATTRIBUTES_KEY = ':@';
/** Prefix fast-xml-parser puts before attribute names (`attributeNamePrefix`). */
export const ATTRIBUTE_PREFIX = '@_';
/** fast-xml-parser renames `__proto__` elements to this to avoid prototype pollution. */
const RENAMED_PROTO = '#__proto__';
/** Where `captureMetaData` puts `{ startIndex }`; typed as the `Symbol` wrapper but a primitive at runtime. */
const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** One item of fast-xml-parser's `preserveOrder` output, narrowed from `unknown`. */
export type OrderedItem =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'element';
      readonly tag: string;
      readonly attributes: ReadonlyArray<readonly [string, string]>;
      readonly items: readonly unknown[];
      /** Offset of the start tag in the parsed text, when fast-xml-parser recorded it. */
      readonly startIndex: number | undefined;
    }
  | { readonly kind: 'ignored' };

const IGNORED: OrderedItem = { kind: 'ignored' };

/**
 * Narrow one `preserveOrder` item: `{ '#text': 'x' }` is text, `{ tag: [...items], ':@': {...} }`
 * is an element; anything else (a processing instruction such as `{ '?php': [...] }`) is ignored.
 */
export function readOrderedNode(node: unknown): OrderedItem {
  if (typeof node !== 'object' || node === null) return IGNORED;
  const record = node as Readonly<Record<string, unknown>>;
  const text = record[TEXT_KEY];
  if (text !== undefined) return { kind: 'text', text: String(text) };
  // An item has one name key, besides the attributes' (symbols, such as the metadata's, are not keys).
  const keys = Object.keys(record);
  const tag = keys[0] === ATTRIBUTES_KEY ? keys[1] : keys[0];
  const items = tag === undefined ? undefined : record[tag];
  if (tag === undefined || tag.startsWith('?') || !Array.isArray(items)) return IGNORED;
  return {
    kind: 'element',
    tag: tag === RENAMED_PROTO ? '__proto__' : tag,
    attributes: readAttributes(record[ATTRIBUTES_KEY]),
    items,
    startIndex: startIndexOf(record),
  };
}

function readAttributes(value: unknown): ReadonlyArray<readonly [string, string]> {
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Readonly<Record<string, unknown>>;
  const out: (readonly [string, string])[] = [];
  for (const key of Object.keys(record)) out.push([key.slice(ATTRIBUTE_PREFIX.length), String(record[key])]);
  return out;
}

function startIndexOf(record: object): number | undefined {
  const metadata: unknown = (record as Readonly<Record<symbol, unknown>>)[METADATA];
  if (typeof metadata !== 'object' || metadata === null || !('startIndex' in metadata)) return undefined;
  return typeof metadata.startIndex === 'number' ? metadata.startIndex : undefined;
}
