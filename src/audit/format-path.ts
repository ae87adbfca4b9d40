import { parseTreeKey, TEXT_KEY } from './tree-key.ts';
import type { Segment } from './tree-value.ts';

/** How paths are written: XML in Clark notation (`/{uri}a/{uri}b[2]/@c`), JSON as `$.a.b[1]`. */
export type PathStyle = 'xml' | 'json';

/**
 * Write a tree path for a report. XML element steps are Clark names with 1-based positions, as in
 * XPath; attributes are `@name` and mixed text is `text()`. JSON paths are 0-based `$` paths.
 */
export function formatPath(at: readonly Segment[], style: PathStyle): string {
  return style === 'xml' ? xmlPath(at) : jsonPath(at);
}

function xmlPath(at: readonly Segment[]): string {
  let out = '';
  for (const segment of at) {
    if (typeof segment === 'number') out += `[${segment + 1}]`;
    else if (segment === TEXT_KEY) out += '/text()';
    else out += `/${segment}`;
  }
  return out === '' ? '/' : out;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function jsonPath(at: readonly Segment[]): string {
  let out = '$';
  for (const segment of at) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += IDENTIFIER.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * The path below the payload element with local names only and no indices, as the contract's
 * decoder and schema name places (`/UpdateInvoiceResult/StatusCode`). Undefined outside the payload.
 */
export function payloadLocalPath(payloadPath: readonly Segment[], at: readonly Segment[]): string | undefined {
  if (at.length < payloadPath.length || !payloadPath.every((s, i) => s === at[i])) return undefined;
  const names = at.slice(payloadPath.length).filter((s): s is string => typeof s === 'string').map((s) => parseTreeKey(s).local);
  return `/${names.join('/')}`;
}
