/** An element to write. */
export interface XmlBuildNode {
  /** Namespace URI; `''` writes an unprefixed element in no namespace. */
  readonly ns: string;
  readonly local: string;
  /** Attributes in the order to write them; keys are written verbatim, so `'xsi:nil'` works. */
  readonly attributes?: Readonly<Record<string, string>>;
  readonly children?: readonly XmlBuildNode[];
  /** Character data, written before any children. */
  readonly text?: string;
}
