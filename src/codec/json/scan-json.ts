import type { JsonLimits, JsonProblem } from './parse-json.ts';

/** One open object or array. */
interface Frame {
  readonly keys: Set<string> | undefined;
  expectKey: boolean;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * One linear pass over a JSON text, before `JSON.parse` builds anything, that enforces the depth,
 * key and string-length limits and refuses what `JSON.parse` accepts silently: duplicate keys
 * (the last would win) and numbers that overflow to Infinity. Syntax errors are left to `JSON.parse`.
 */
export function scanJson(text: string, limits: JsonLimits): JsonProblem | undefined {
  const stack: Frame[] = [];
  let keys = 0;
  let containers = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = stringEnd(text, i);
      if (end - i - 1 > limits.maxStringChars) return problem('json-too-large', `a string is longer than the limit of ${limits.maxStringChars} characters`, text, i);
      const frame = stack.at(-1);
      if (frame?.keys !== undefined && frame.expectKey) {
        keys += 1;
        if (keys > limits.maxKeys) return problem('json-too-large', `the body has more object keys than the limit of ${limits.maxKeys}`, text, i);
        const key = decodeKey(text.slice(i, end + 1));
        if (frame.keys.has(key)) return problem('json-duplicate-key', `key ${JSON.stringify(key.slice(0, 60))} appears twice in one object (JSON.parse would keep only the last)`, text, i);
        frame.keys.add(key);
      }
      i = end;
    } else if (c === 123 || c === 91) {
      stack.push({ keys: c === 123 ? new Set() : undefined, expectKey: c === 123 });
      containers += 1;
      if (containers > limits.maxContainers) return problem('json-too-large', `the body has more objects and arrays than the limit of ${limits.maxContainers}`, text, i);
      if (stack.length > limits.maxDepth) return problem('json-too-deep', `JSON nests deeper than the limit of ${limits.maxDepth} levels`, text, i);
    } else if (c === 125 || c === 93) stack.pop();
    else if (c === 44) setExpectKey(stack, true);
    else if (c === 58) setExpectKey(stack, false);
    else if (c === 45 || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = i;
      const token = NUMBER.exec(text)?.[0];
      if (token === undefined) continue; // a lone `-` is a syntax error: JSON.parse reports it
      if (!Number.isFinite(Number(token))) return problem('json-number-range', `the number ${token.slice(0, 40)} is outside the range of a double (it would read as Infinity)`, text, i);
      i += token.length - 1;
    }
  }
  return undefined;
}

function setExpectKey(stack: Frame[], value: boolean): void {
  const frame = stack.at(-1);
  if (frame?.keys !== undefined) frame.expectKey = value;
}

/**
 * Index of the quote that closes the string opened at `start` (or the text's end): the first quote after it
 * preceded by an even number of backslashes. Found with `indexOf`, as strings (recorded bodies) are most of a text.
 */
function stringEnd(text: string, start: number): number {
  for (let i = text.indexOf('"', start + 1); i !== -1; i = text.indexOf('"', i + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === 92) backslashes += 1;
    if (backslashes % 2 === 0) return i;
  }
  return text.length;
}

/** A key as JSON.parse would read it, so `"a"` and `"\u0061"` count as the same key. */
function decodeKey(token: string): string {
  if (!token.includes('\\')) return token.slice(1, -1);
  try {
    const key: unknown = JSON.parse(token);
    return typeof key === 'string' ? key : token;
  } catch {
    return token; // JSON.parse reports the bad escape
  }
}

function problem(rule: JsonProblem['rule'], what: string, text: string, at: number): JsonProblem {
  return { rule, message: `Refused JSON: ${what} (at character ${at + 1}).` };
}
