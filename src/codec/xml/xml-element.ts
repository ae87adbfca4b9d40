/** A namespace-resolved XML name. */
export interface XmlName {
  /** Namespace URI; `''` means the name is in no namespace. */
  readonly ns: string;
  /** Local part of the name, without prefix. */
  readonly local: string;
  /** Prefix as written in the document (`''` when unprefixed); informational only. */
  readonly prefix: string;
}

/** An attribute of a parsed element. `xmlns` and `xmlns:*` declarations are not attributes here. */
export interface XmlAttribute extends XmlName {
  /** Attribute value with entities decoded. */
  readonly value: string;
}

/** A parsed element, with every name resolved to its namespace URI. */
export interface XmlElement extends XmlName {
  /** Attributes in document order. */
  readonly attributes: readonly XmlAttribute[];
  /** Child elements in document order. */
  readonly children: readonly XmlElement[];
  /** Direct text and CDATA of this element, concatenated and entity-decoded, not trimmed. */
  readonly text: string;
}

/** Clark notation of a name: `{ns}local`, or just `local` when `ns` is `''`. */
export function clark(ns: string, local: string): string {
  return ns === '' ? local : `{${ns}}${local}`;
}

/** The child elements of `el` named `{ns}local`, in document order. */
export function childElements(el: XmlElement, ns: string, local: string): XmlElement[] {
  return el.children.filter((child) => child.local === local && child.ns === ns);
}

/** The first child element of `el` named `{ns}local`, if any. */
export function firstChild(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  return el.children.find((child) => child.local === local && child.ns === ns);
}

/** The value of the attribute `{ns}local` of `el`, if present. Unprefixed attributes have `ns` `''`. */
export function attributeValue(el: XmlElement, ns: string, local: string): string | undefined {
  return el.attributes.find((attr) => attr.local === local && attr.ns === ns)?.value;
}
