import { escapeXmlText } from '../../codec/xml/escape-xml.ts';
import { parseJson } from '../../codec/json/parse-json.ts';

/**
 * Write values into a recorded response body at dotted paths (the contract's response paths).
 * XML: the text of the first element with the path's last local name (any prefix), later
 * elements of that name removed when `only` is set (one message instead of the recording's list).
 * JSON: the value at the path, created when missing; an array on the way keeps its first item. A
 * {@link RecordedFill} value is given the recorded value at the path and its result written there.
 * Anything it cannot place is left as recorded.
 */
export function fillBody(body: string, kind: 'xml' | 'json', path: string, value: unknown, only = false): string {
  if (kind === 'json') return fillJson(body, path, value);
  return typeof value === 'function' ? body : fillXml(body, path.split('.').pop() ?? path, String(value), only);
}

/**
 * A JSON fill computed from the recorded value at its path (for example, item lines shaped like the
 * recorded lines of the same product, with amounts from the simulator's state).
 */
export type RecordedFill = (recorded: unknown) => unknown;

function fillXml(body: string, local: string, value: string, only: boolean): string {
  const name = local.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const element = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?)${name}(\\s[^>]*?)?(?:/>|>[^<]*</\\1${name}>)`, 'g');
  let seen = 0;
  return body.replace(element, (_m, prefix: string, attrs: string | undefined) => {
    seen++;
    if (seen > 1) return only ? '' : _m;
    return `<${prefix}${local}${attrs ?? ''}>${escapeXmlText(value)}</${prefix}${local}>`;
  });
}

function fillJson(body: string, path: string, value: unknown): string {
  const parsed = parseJson(body);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return body;
  const root = parsed.value as Record<string, unknown>;
  setAt(root, path === '' ? [] : path.split('.'), value);
  return JSON.stringify(root, null, 2);
}

function setAt(node: unknown, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined || typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    node.splice(1);
    if (node.length === 0) node.push({});
    setAt(node[0], path, value);
    return;
  }
  const record = node as Record<string, unknown>;
  if (rest.length === 0) {
    record[head] = typeof value === 'function' ? (value as RecordedFill)(record[head]) : value;
    return;
  }
  if (typeof record[head] !== 'object' || record[head] === null) record[head] = {};
  setAt(record[head], rest, value);
}
