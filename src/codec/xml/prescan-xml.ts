import { forbiddenXmlChar } from './forbidden-xml-char.ts';
import { scanReferences } from './scan-references.ts';
import { scanStartTag } from './scan-start-tag.ts';
import { xmlNameEnd } from './xml-name.ts';
import { problemAt } from './xml-problem.ts';
import type { XmlProblem } from './xml-problem.ts';
import { malformedAt, openNames, overLimit, skipSpace, truncatedInside } from './xml-scan-state.ts';
import type { PrescanPolicy, ScanState, Step } from './xml-scan-state.ts';

export type { PrescanPolicy, XmlCountLimits } from './xml-scan-state.ts';

/**
 * The one pass over the text before fast-xml-parser parses it: it checks well-formedness (XML 1.0:
 * characters, one root element, start and end tags that match, attribute syntax and uniqueness,
 * reference syntax, comments, CDATA sections, where the XML declaration may be) and rejects DOCTYPE
 * and other DTD constructs, forbidden processing instructions, and documents over the depth,
 * element, attribute, reference or text limits. fast-xml-parser's parser checks none of this
 * (it closes whatever element is open at any end tag), so a document that passes is one it reads right.
 * Left to the parse: which entities exist and which characters a character reference may name.
 */
export function prescanXml(source: string, policy: PrescanPolicy): XmlProblem | undefined {
  const bad = forbiddenXmlChar(source);
  if (bad !== undefined) return problemAt('xml-forbidden-char', `Character ${bad.codePoint} is not allowed in XML 1.0.`, source, bad.index);
  const state: ScanState = { source, policy, open: [], rootSeen: false, nextCdataClose: -1, elements: 0, attributes: 0, references: 0, text: 0 };
  let from = 0;
  for (let at = source.indexOf('<'); at !== -1; at = source.indexOf('<', from)) {
    const text = scanText(state, from, at);
    if (text !== undefined) return text;
    const step = scanMarkup(state, at);
    if ('rule' in step) return step;
    from = step.next;
  }
  return scanText(state, from, source.length) ?? endOfDocument(state);
}

function scanMarkup(state: ScanState, at: number): Step {
  switch (state.source[at + 1]) {
    case '!':
      return scanDeclaration(state, at);
    case '?':
      return scanProcessingInstruction(state, at);
    case '/':
      return scanEndTag(state, at);
    default:
      return scanStartTag(state, at);
  }
}

function scanDeclaration(state: ScanState, at: number): Step {
  const { source, policy } = state;
  if (source.startsWith('<!--', at)) return scanComment(state, at);
  if (source.startsWith('<![CDATA[', at)) {
    if (state.open.length === 0) return malformedAt(state, 'A CDATA section is only allowed inside the root element.', at);
    const end = source.indexOf(']]>', at + 9);
    if (end === -1) return truncatedInside(state, 'a CDATA section');
    state.text += end - at - 9;
    return state.text > policy.maxTextChars ? overLimit(state, 'text characters', policy.maxTextChars, at) : { next: end + 3 };
  }
  if (source.startsWith('<!DOCTYPE', at)) {
    return problemAt('xml-doctype', 'DOCTYPE is not allowed (it enables entity expansion and external entities).', source, at);
  }
  const rest = source.slice(at);
  if (['<!--', '<![CDATA[', '<!DOCTYPE'].some((start) => start.startsWith(rest))) return truncatedInside(state, `the markup '${rest}'`);
  return malformedAt(state, `Markup declaration '${source.slice(at, at + 10)}' is not allowed.`, at);
}

/** XML 1.0 §2.5: `'<!--' ((Char - '-') | ('-' (Char - '-')))* '-->'`, so no `--` inside and no `-` last. */
function scanComment(state: ScanState, at: number): Step {
  const { source } = state;
  const end = source.indexOf('-->', at + 4);
  if (end === -1) return truncatedInside(state, 'a comment');
  // A comment's content never ends in '-' either: that '-' would make '--' with the '-->' after it.
  if (source.indexOf('--', at + 4) < end) return malformedAt(state, "'--' is not allowed inside a comment.", at);
  return { next: end + 3 };
}

function scanProcessingInstruction(state: ScanState, at: number): Step {
  const { source, policy } = state;
  const target = source.slice(at + 2, xmlNameEnd(source, at + 2));
  if (target.toLowerCase() === 'xml') {
    if (at === 0) return scanXmlDeclaration(state);
    return malformedAt(state, 'The XML declaration is only allowed at the very start of the document.', at);
  }
  if (target === '') return malformedAt(state, "'<?' must be followed by the name of a processing instruction's target.", at);
  if (policy.forbidProcessingInstructions) {
    return problemAt('xml-processing-instruction', `Processing instruction '<?${target}' is not allowed.`, source, at);
  }
  return skipTo(state, '?>', at + 2, `the processing instruction '<?${target}'`);
}

const S = '[ \\t\\r\\n]';
/** XML 1.0 §2.8 `XMLDecl`: version, then optionally encoding and standalone, in this order. */
const XML_DECLARATION = new RegExp(
  `<\\?xml${S}+version${S}*=${S}*(?:"1\\.[0-9]+"|'1\\.[0-9]+')` +
    `(?:${S}+encoding${S}*=${S}*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?` +
    `(?:${S}+standalone${S}*=${S}*(?:"(?:yes|no)"|'(?:yes|no)'))?${S}*\\?>`,
  'y',
);

function scanXmlDeclaration(state: ScanState): Step {
  XML_DECLARATION.lastIndex = 0;
  if (XML_DECLARATION.test(state.source)) return { next: XML_DECLARATION.lastIndex };
  if (!state.source.includes('?>')) return truncatedInside(state, 'the XML declaration');
  return malformedAt(state, `The XML declaration is malformed: it must be <?xml version="1.x" encoding="…" standalone="yes|no"?>, encoding and standalone optional.`, 0);
}

/** XML 1.0 §3.1 `ETag`: `'</' Name S? '>'`, closing the element opened last (element type match). */
function scanEndTag(state: ScanState, at: number): Step {
  const { source, open } = state;
  const nameEnd = xmlNameEnd(source, at + 2);
  const name = source.slice(at + 2, nameEnd);
  const gt = skipSpace(source, nameEnd);
  if (gt >= source.length) return truncatedInside(state, name === '' ? 'an end tag' : `the end tag of '${name}'`);
  if (name === '' || source[gt] !== '>') return malformedAt(state, `Malformed end tag '${source.slice(at, gt + 1)}': it must be '</name>'.`, at);
  const top = open.pop();
  if (top === undefined) return malformedAt(state, `End tag '</${name}>' has no open element to close.`, at);
  if (top.name !== name) {
    const opened = problemAt('xml-malformed', '', source, top.at);
    return malformedAt(state, `End tag '</${name}>' does not match the open element '${top.name}' (opened at line ${opened.line}, col ${opened.col}).`, at);
  }
  return { next: gt + 1 };
}

/** Count character data between two pieces of markup; outside the root only white space may appear. */
function scanText(state: ScanState, from: number, to: number): XmlProblem | undefined {
  if (to <= from) return undefined;
  const { source, policy } = state;
  if (state.open.length === 0) {
    const at = skipSpace(source, from);
    if (at >= to) return undefined;
    return malformedAt(state, `Text is not allowed ${state.rootSeen ? 'after' : 'before'} the root element.`, at);
  }
  state.text += to - from;
  if (cdataCloseIn(state, from) < to - 2) return malformedAt(state, "']]>' is not allowed in text (write ']]&gt;').", state.nextCdataClose);
  const refs = scanReferences(source, from, to);
  if (typeof refs !== 'number') return malformedAt(state, "'&' does not start a reference such as &amp; or &#38; (write a literal '&' as &amp;).", refs.index);
  state.references += refs;
  if (state.text > policy.maxTextChars) return overLimit(state, 'text characters', policy.maxTextChars, from);
  if (state.references > policy.maxReferences) return overLimit(state, 'entity and character references', policy.maxReferences, from);
  return undefined;
}

/** Next `]]>` at or after `from` (XML 1.0 §2.4 forbids it in character data); one forward search overall. */
function cdataCloseIn(state: ScanState, from: number): number {
  if (state.nextCdataClose < from) {
    const found = state.source.indexOf(']]>', from);
    state.nextCdataClose = found === -1 ? Number.POSITIVE_INFINITY : found;
  }
  return state.nextCdataClose;
}

/** After the last markup: the root must have been opened and closed. */
function endOfDocument(state: ScanState): XmlProblem | undefined {
  if (state.open.length > 0) {
    return malformedAt(state, `The document ends before these elements are closed: ${openNames(state)} (truncated?)`, state.source.length);
  }
  return state.rootSeen ? undefined : { rule: 'xml-malformed', message: 'The document has no root element.' };
}

function skipTo(state: ScanState, terminator: string, from: number, construct: string): Step {
  const found = state.source.indexOf(terminator, from);
  return found === -1 ? truncatedInside(state, construct) : { next: found + terminator.length };
}
