import type { Violation } from '../../src/model/violation.ts';

/** A violation taken apart for display: each reporter lays these out its own way. */
export interface ViolationView {
  /** The rule in words, e.g. `namespace`, `required`, `soap-action`. */
  readonly rule: string;
  /** Where: a data path, header name or URL part; `(root)` for the whole message. */
  readonly where: string;
  /** What the contract documents, when the violation states it. */
  readonly expected?: string;
  /** What was received, when the violation states it. */
  readonly actual?: string;
  /** Any text around the Received/Documented pair: context before, the fix after. */
  readonly context?: string;
  readonly fix?: string;
  /** The whole message, always. */
  readonly message: string;
  readonly severity: Violation['severity'];
}

const RECEIVED = 'Received: ';
const DOCUMENTED = ' / Documented: ';

/**
 * Split a violation into what/where/expected/actual/fix. `params.expected` and `params.received`
 * win when they are plain values; otherwise the message's `Received: … / Documented: …. Fix`
 * convention (see STYLE.md) is read. A message that follows neither keeps everything in `message`.
 */
export function describeViolation(v: Violation): ViolationView {
  const base = { rule: v.rule, where: v.path === '' ? '(root)' : v.path, message: v.message, severity: v.severity };
  const parsed = splitMessage(v.message);
  const expected = shown(plain(v.params?.['expected']) ?? parsed?.documented);
  const actual = shown(plain(v.params?.['received']) ?? parsed?.received);
  return {
    ...base,
    ...(expected === undefined ? {} : { expected }),
    ...(actual === undefined ? {} : { actual }),
    ...(parsed?.before === undefined || parsed.before === '' ? {} : { context: parsed.before }),
    ...(parsed?.fix === undefined || parsed.fix === '' ? {} : { fix: parsed.fix }),
  };
}

interface SplitMessage {
  readonly before: string;
  readonly received: string;
  readonly documented: string;
  readonly fix: string;
}

/** `[context ]Received: A / Documented: B[. Fix]`; undefined when the message does not follow it. */
function splitMessage(message: string): SplitMessage | undefined {
  const r = message.indexOf(RECEIVED);
  if (r === -1) return undefined;
  const d = topLevelIndex(message, DOCUMENTED, r + RECEIVED.length);
  if (d === -1) return undefined;
  const received = message.slice(r + RECEIVED.length, d);
  const rest = message.slice(d + DOCUMENTED.length);
  const end = sentenceEnd(rest);
  return { before: message.slice(0, r).trim(), received: received.trim(), documented: rest.slice(0, end).trim(), fix: rest.slice(end).replace(/^\.\s*/, '').trim() };
}

/** First index of `needle` from `from` that is outside brackets, parentheses and quotes; -1 if none. */
function topLevelIndex(text: string, needle: string, from: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (depth === 0 && !quoted && text.startsWith(needle, i)) return i;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '(' || ch === '[' || ch === '{')) depth++;
    else if (!quoted && (ch === ')' || ch === ']' || ch === '}')) depth = Math.max(0, depth - 1);
  }
  return text.indexOf(needle, from);
}

/** An empty value shown as such, so "expected X, actual (empty)" never loses its second line. */
function shown(value: string | undefined): string | undefined {
  return value === '' ? '(empty)' : value;
}

/** Index of the first `. X` (X upper case) outside brackets, quotes and parentheses: where the documented value ends. */
function sentenceEnd(text: string): number {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '(' || ch === '[' || ch === '<' || ch === '{')) depth++;
    else if (!quoted && (ch === ')' || ch === ']' || ch === '>' || ch === '}')) depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && ch === '.' && /^\s+[A-Z]/.test(text.slice(i + 1))) return i;
  }
  return text.replace(/\.\s*$/, '').length;
}

function plain(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
