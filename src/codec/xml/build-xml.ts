import { escapeXmlAttribute, escapeXmlText } from './escape-xml.ts';
import { namespaceDeclarations, prefixFor } from './namespace-declarations.ts';
import type { XmlBuildNode } from './xml-build-node.ts';

export type { XmlBuildNode } from './xml-build-node.ts';

/** Options of `buildXml`. */
export interface BuildXmlOptions {
  /** namespace URI -> prefix to use; every non-empty ns in the tree must be listed */
  readonly prefixes: Readonly<Record<string, string>>;
  /** Write the `<?xml version="1.0" encoding="UTF-8"?>` declaration. @default true */
  readonly declaration?: boolean;
  /** One level of indentation; `''` writes everything on one line. @default '  ' */
  readonly indent?: string;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

interface Writer {
  readonly prefixes: Readonly<Record<string, string>>;
  readonly indent: string;
  readonly lines: string[];
}

/**
 * Write an element tree as XML. Every namespace is declared once, on the root element, sorted by
 * prefix, and always with a prefix (never as a default namespace), so equal trees give equal text.
 * @throws {Error} only on a programming error: a namespace missing from `options.prefixes`.
 */
export function buildXml(root: XmlBuildNode, options: BuildXmlOptions): string {
  const indent = options.indent ?? '  ';
  const writer: Writer = { prefixes: options.prefixes, indent, lines: [] };
  if (options.declaration ?? true) writer.lines.push(DECLARATION);
  const declarations = namespaceDeclarations(root, options.prefixes).map(([prefix, uri]) => attribute(`xmlns:${prefix}`, uri));
  writeElement(writer, root, 0, declarations.join(''));
  return writer.lines.join(indent === '' ? '' : '\n');
}

function writeElement(writer: Writer, node: XmlBuildNode, depth: number, declarations: string): void {
  const pad = writer.indent.repeat(depth);
  const name = node.ns === '' ? node.local : `${prefixFor(writer.prefixes, node.ns)}:${node.local}`;
  const open = `<${name}${declarations}${attributes(node.attributes)}`;
  const text = escapeXmlText(node.text ?? '');
  const children = node.children ?? [];
  if (children.length === 0) {
    writer.lines.push(text === '' ? `${pad}${open}/>` : `${pad}${open}>${text}</${name}>`);
    return;
  }
  writer.lines.push(`${pad}${open}>${text}`);
  for (const child of children) writeElement(writer, child, depth + 1, '');
  writer.lines.push(`${pad}</${name}>`);
}

function attributes(values: Readonly<Record<string, string>> | undefined): string {
  return values === undefined ? '' : Object.entries(values).map(([key, value]) => attribute(key, value)).join('');
}

function attribute(key: string, value: string): string {
  return ` ${key}="${escapeXmlAttribute(value)}"`;
}
