import schema from '../model/canonical-update.schema.json' with { type: 'json' };
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from './create-ajv.ts';

/** A JSON Schema node, as far as this module needs to walk it. */
interface SchemaNode {
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly type?: string | readonly string[];
  readonly additionalProperties?: boolean | SchemaNode;
}

const root = schema as unknown as SchemaNode & { readonly definitions: Readonly<Record<string, SchemaNode>> };
let validator: ValidateFunction | undefined;

/** Validate a canonical update; returns ajv errors (empty when valid). Compiled once, lazily. */
export function validateCanonical(input: unknown): readonly ErrorObject[] {
  validator ??= createAjv().compile(schema);
  return validator(input) ? [] : (validator.errors ?? []);
}

function deref(node: SchemaNode): SchemaNode {
  if (node.$ref === undefined) return node;
  const name = node.$ref.replace('#/definitions/', '');
  return root.definitions[name] ?? node;
}

/** The schema a canonical path leads to, or undefined when the path does not exist. */
export function canonicalNodeAt(from: SchemaNode | undefined, path: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = from ?? root;
  for (const segment of path.split('.')) {
    if (node === undefined) return undefined;
    const current: SchemaNode = deref(node);
    const next = current.properties?.[segment];
    if (next !== undefined) {
      node = next;
      continue;
    }
    // Free-form maps (extensions) accept any key.
    if (typeof current.additionalProperties === 'object') node = current.additionalProperties;
    else return undefined;
  }
  return node === undefined ? undefined : deref(node);
}

/** For an array node, the schema of one item. */
export function canonicalItemOf(node: SchemaNode): SchemaNode | undefined {
  return node.items === undefined ? undefined : deref(node.items);
}

export type { SchemaNode };
