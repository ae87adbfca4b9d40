import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Contract, FieldSpec } from '../../../src/types/contract.ts';
import { REPO_ROOT } from '../../helpers/paths.ts';

/** The vendor documents the contracts were written from, beside the repository: `../shared/vendor-docs/`. */
export const VENDOR_DOCS = resolve(REPO_ROOT, '..', 'shared', 'vendor-docs');

/** True when the vendor documents are there to compare with. */
export const HAVE_VENDOR_DOCS = existsSync(VENDOR_DOCS);

/**
 * Skip the doc comparisons only on a developer machine without `../shared/vendor-docs/`. Under
 * `CI=true` they run, and fail naming the missing folder, so CI never passes by skipping them.
 */
export const SKIP_WITHOUT_DOCS = !HAVE_VENDOR_DOCS && process.env['CI'] !== 'true';

/** The text of one vendor document, e.g. `centra-invoices_Update.txt`. */
export function vendorDoc(file: string): string {
  return readFileSync(join(VENDOR_DOCS, file), 'utf8');
}

/** The text between two markers (the first `start`, then the first `end` after it); throws when either is gone. */
export function section(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = from < 0 ? -1 : text.indexOf(end, from + start.length);
  if (from < 0 || to < 0) throw new Error(`the document no longer has "${start}" … "${end}"`);
  return text.slice(from + start.length, to);
}

/** The SOAP envelope elements, which are no field of any contract. */
export const SOAP_ENVELOPE: ReadonlySet<string> = new Set(['Envelope', 'Header', 'Body']);

/** An element or key of an example with the name of the element or key that holds it (`''` at the top). */
export type NamePair = readonly [parent: string, child: string];

/** Each element of an XML example with the local name of its parent element (prefixes dropped). */
export function xmlElementPairs(example: string): NamePair[] {
  const pairs: NamePair[] = [];
  const open: string[] = [];
  for (const m of example.matchAll(/<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name = '', selfClosing] = m;
    if (closing === '/') open.pop();
    else {
      pairs.push([open.at(-1) ?? '', name]);
      if (selfClosing !== '/') open.push(name);
    }
  }
  return pairs;
}

/** Each key of a JSON example with the key that holds it (`''` at the top); array items belong to the array's key. */
export function jsonKeyPairs(example: string): NamePair[] {
  const pairs: NamePair[] = [];
  const walk = (value: unknown, parent: string): void => {
    if (Array.isArray(value)) value.forEach((item) => walk(item, parent));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const [key, child] of Object.entries(value)) {
      pairs.push([parent, key]);
      walk(child, key);
    }
  };
  walk(JSON.parse(example) as unknown, '');
  return pairs;
}

/** The distinct values, in first-seen order. */
export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Every name a contract declares: request and response fields at any depth, SOAP header blocks, the request element, URL parameters. */
export function contractNames(contract: Contract): Set<string> {
  const fields = allFields(contract).map((f) => f.name);
  const params = [...(contract.transport.pathParams ?? []), ...(contract.transport.query ?? [])].map((p) => p.name);
  return new Set([...fields, ...params, ...(contract.request.element === undefined ? [] : [contract.request.element])]);
}

/** True when the contract has a field `path[0]` (anywhere) with a child `path[1]`, with a child `path[2]`, …. */
export function hasFieldPath(contract: Contract, path: readonly string[]): boolean {
  const [first, ...rest] = path;
  return allFields(contract).some((f) => f.name === first && descends(f, rest));
}

function descends(field: FieldSpec, rest: readonly string[]): boolean {
  const [next, ...more] = rest;
  if (next === undefined) return true;
  return (field.fields ?? []).some((f) => f.name === next && descends(f, more));
}

function allFields(contract: Contract): FieldSpec[] {
  const trees = [contract.request.fields, contract.request.header ?? [], ...contract.responses.map((r) => r.fields ?? [])];
  return trees.flatMap(flatten);
}

function flatten(fields: readonly FieldSpec[]): FieldSpec[] {
  return fields.flatMap((f) => [f, ...flatten(f.fields ?? [])]);
}
