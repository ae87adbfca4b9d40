import { XMLParser } from 'fast-xml-parser';
import type { EntityDecoderOptions, X2jOptions } from 'fast-xml-parser';
import { decodeXmlEntities } from './decode-xml-entities.ts';
import { ATTRIBUTE_PREFIX, TEXT_KEY } from './ordered-node.ts';

/**
 * fast-xml-parser only decodes `&#233;` when `htmlEntities` is on (which also turns on HTML's
 * named entities), so we give it our own XML-only decoder. DTDs are rejected before parsing,
 * so there are never document entities to add.
 */
const entityDecoder: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  decode: decodeXmlEntities,
  setXmlVersion: () => undefined,
};

/** The codec's fast-xml-parser options (the benchmark's raw floor parses with the same ones). */
export const XML_PARSER_OPTIONS: X2jOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  textNodeName: TEXT_KEY,
  // Values are kept exactly as written: `00102565` stays a string, `Not Found ` keeps its space.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: false,
  processEntities: true,
  htmlEntities: false,
  entityDecoder,
  // CDATA is merged into the text as-is, comments are dropped.
  cdataPropName: false,
  commentPropName: false,
  // prescanXml enforces the processing-instruction policy; the declaration carries nothing we need.
  ignoreDeclaration: true,
  ignorePiTags: true,
  // prescanXml enforces the per-call depth limit; this one is fixed at construction.
  maxNestedTags: Number.POSITIVE_INFINITY,
  // With `jPath: true` every tag builds its full path string: quadratic in depth.
  jPath: false,
  // Start offsets (which give problems a line and column) cost about a quarter of the parse: see `located`.
  captureMetaData: false,
};

/** Configured once: building options per call is measurable at our call rates. */
const parser = new XMLParser(XML_PARSER_OPTIONS);
/** The same parser recording each element's start offset, for placing a problem found in the tree. */
const locatingParser = new XMLParser({ ...XML_PARSER_OPTIONS, captureMetaData: true });

/**
 * Parse well-formed XML into fast-xml-parser's `preserveOrder` shape.
 * Call it only after `prescanXml` accepted the text: fast-xml-parser does not check well-formedness.
 * `located`: each element also carries its start offset (fast-xml-parser's metadata), which problems need.
 * @throws {Error} when fast-xml-parser or the entity decoder rejects the text.
 */
export function parseOrdered(text: string, located = false): readonly unknown[] {
  const result: unknown = (located ? locatingParser : parser).parse(text);
  return Array.isArray(result) ? result : [];
}
