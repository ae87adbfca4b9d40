import type { FieldSpec, ResponseSpec } from '../types/contract.ts';
import type { XmlElement } from '../codec/xml/xml-element.ts';

/**
 * Dotted paths a documented response reads (its `when`, `code` and `message` paths), with every
 * prefix: these are never dropped, whatever the contract says about them being optional.
 */
export function protectedPaths(spec: ResponseSpec): Set<string> {
  const paths = [...(spec.match.when ?? []).map((w) => w.path), spec.code, spec.message].filter((p): p is string => p !== undefined);
  const out = new Set<string>();
  for (const p of paths) {
    const parts = p.split('.');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'));
  }
  return out;
}

/** The payload element without the children its fields declare optional (not `required`) and not protected. */
export function dropOptionalXml(payload: XmlElement, fields: readonly FieldSpec[], keep: ReadonlySet<string>, path = ''): XmlElement {
  const children = payload.children.flatMap((child): XmlElement[] => {
    const spec = fields.find((f) => f.name === child.local);
    const at = path === '' ? child.local : `${path}.${child.local}`;
    if (spec === undefined) return [child];
    if (spec.required !== true && !keep.has(at)) return [];
    return [spec.fields === undefined ? child : dropOptionalXml(child, spec.fields, keep, at)];
  });
  return { ...payload, children };
}

/** A JSON value without the members its fields declare optional (not `required`) and not protected. */
export function dropOptionalJson(value: unknown, fields: readonly FieldSpec[], keep: ReadonlySet<string>, path = ''): unknown {
  if (Array.isArray(value)) return value.map((v: unknown) => dropOptionalJson(v, fields, keep, path));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const spec = fields.find((f) => f.name === key);
    const at = path === '' ? key : `${path}.${key}`;
    if (spec === undefined) out[key] = member;
    else if (spec.required === true || keep.has(at)) out[key] = spec.fields === undefined ? member : dropOptionalJson(member, spec.fields, keep, at);
  }
  return out;
}
