/** How one XML variant is written. Every combination is a legal serialization of the same infoset. */
export interface XmlStyle {
  /** `keep`: the prefixes as parsed; `renamed`: new prefixes (ns0, ns1, ...); `default`: the main namespace as default `xmlns`. */
  readonly prefixes: 'keep' | 'renamed' | 'default';
  readonly declaration: boolean;
  /** `''` writes everything on one line. */
  readonly indent: string;
  readonly reverseAttributes: boolean;
  /** How an element without content is written: `<a/>` or `<a></a>`. */
  readonly empty: 'self' | 'pair';
  /** Non-empty text as `<![CDATA[...]]>`. */
  readonly cdata: boolean;
  /** Start with a byte-order mark (U+FEFF). */
  readonly bom: boolean;
}

/** The style closest to a typical vendor answer: kept prefixes, declaration, two-space indent. */
export const BASE_STYLE: XmlStyle = { prefixes: 'keep', declaration: true, indent: '  ', reverseAttributes: false, empty: 'self', cdata: false, bom: false };
