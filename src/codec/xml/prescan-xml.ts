import { problemAt } from './xml-problem.ts';
import type { XmlProblem } from './xml-problem.ts';

/** What `prescanXml` enforces. */
export interface PrescanPolicy {
  /** Deepest element nesting allowed; the root is depth 1. */
  readonly maxDepth: number;
  /** Reject processing instructions other than the leading XML declaration. */
  readonly forbidProcessingInstructions: boolean;
}

/** Where scanning goes on, or why it stopped. */
type Step = { readonly next: number; readonly depth: number } | XmlProblem | undefined;

/**
 * One cheap pass over the markup, before any real parsing, that rejects DOCTYPE and other DTD
 * constructs, forbidden processing instructions and documents nested deeper than allowed.
 * It does not check well-formedness: on broken markup it stops and leaves that to the validator.
 */
export function prescanXml(source: string, policy: PrescanPolicy): XmlProblem | undefined {
  let depth = 0;
  for (let at = source.indexOf('<'); at !== -1; ) {
    const step = scanMarkup(source, at, depth, policy);
    if (step === undefined || 'rule' in step) return step;
    depth = step.depth;
    at = source.indexOf('<', step.next);
  }
  return undefined;
}

function scanMarkup(source: string, at: number, depth: number, policy: PrescanPolicy): Step {
  switch (source[at + 1]) {
    case '!':
      return scanDeclaration(source, at, depth);
    case '?':
      return scanProcessingInstruction(source, at, depth, policy);
    case '/':
      return skipTo(source, '>', at, depth - 1);
    default:
      return scanStartTag(source, at, depth, policy.maxDepth);
  }
}

function scanDeclaration(source: string, at: number, depth: number): Step {
  if (source.startsWith('<!--', at)) return skipTo(source, '-->', at + 4, depth);
  if (source.startsWith('<![CDATA[', at)) return skipTo(source, ']]>', at + 9, depth);
  if (source.startsWith('<!DOCTYPE', at)) {
    return problemAt('xml-doctype', 'DOCTYPE is not allowed (it enables entity expansion and external entities).', source, at);
  }
  return problemAt('xml-malformed', `Markup declaration '${source.slice(at, at + 10)}' is not allowed.`, source, at);
}

function scanProcessingInstruction(source: string, at: number, depth: number, policy: PrescanPolicy): Step {
  const target = /^[^\s?]*/.exec(source.slice(at + 2, at + 64))?.[0] ?? '';
  if (target.toLowerCase() === 'xml') {
    if (at === 0) return skipTo(source, '?>', at + 2, depth);
    return problemAt('xml-malformed', 'The XML declaration is only allowed at the very start of the document.', source, at);
  }
  if (policy.forbidProcessingInstructions) {
    return problemAt('xml-processing-instruction', `Processing instruction '<?${target}' is not allowed.`, source, at);
  }
  return skipTo(source, '?>', at + 2, depth);
}

function scanStartTag(source: string, at: number, depth: number, maxDepth: number): Step {
  const end = startTagEnd(source, at + 1);
  if (end === undefined) return undefined;
  if (typeof end !== 'number') return end;
  if (source[end - 1] === '/') return { next: end + 1, depth };
  if (depth + 1 > maxDepth) {
    return problemAt('xml-too-deep', `Elements are nested deeper than the limit of ${maxDepth}.`, source, at);
  }
  return { next: end + 1, depth: depth + 1 };
}

/** Index of the `>` that ends a start tag, skipping quoted attribute values. */
function startTagEnd(source: string, from: number): number | XmlProblem | undefined {
  // Found once: a `<` inside a quoted value is an error, so we never need to look past it.
  const lt = source.indexOf('<', from);
  for (let i = from; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '>') return i;
    if (ch !== '"' && ch !== "'") continue;
    const close = source.indexOf(ch, i + 1);
    if (close === -1) return undefined;
    if (lt > i && lt < close) return problemAt('xml-malformed', "'<' is not allowed in an attribute value.", source, lt);
    i = close;
  }
  return undefined;
}

function skipTo(source: string, terminator: string, from: number, depth: number): Step {
  const found = source.indexOf(terminator, from);
  return found === -1 ? undefined : { next: found + terminator.length, depth };
}
