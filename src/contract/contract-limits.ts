/** The named bounds on a contract file, checked before and after YAML parsing. */
export const CONTRACT_LIMITS = {
  /** Largest contract file, in bytes. */
  maxBytes: 4 * 1024 * 1024,
  /** Most alias expansions while resolving YAML anchors (yaml's `maxAliasCount`). */
  maxAliasCount: 1000,
  /** Deepest nesting of maps and lists in the resolved contract, and of flow `[`/`{` in its text. */
  maxDepth: 64,
  /** Deepest block indentation, in columns: bounds block nesting before the YAML parser recurses into it. */
  maxIndent: 512,
} as const;

/** Where a text-level bound tripped: a 0-based offset into the source. */
export interface TextLimitHit {
  readonly offset: number;
  readonly rule: 'contract-too-deep';
  readonly message: string;
}

/**
 * One pass over YAML/JSON source that bounds flow-collection nesting (`[` and `{` outside quotes
 * and comments) and block indentation, so that the YAML parser never recurses without bound.
 */
export function scanContractText(text: string): TextLimitHit | undefined {
  let depth = 0;
  let offset = 0;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (indent > CONTRACT_LIMITS.maxIndent) return hit(offset, `a line is indented ${indent} columns, past the limit of ${CONTRACT_LIMITS.maxIndent}`);
    const step = flowDepth(line, depth);
    if (step.max > CONTRACT_LIMITS.maxDepth) return hit(offset + step.at, `flow collections nest deeper than the limit of ${CONTRACT_LIMITS.maxDepth}`);
    depth = Math.max(0, step.depth);
    offset += line.length + 1;
  }
  return undefined;
}

function flowDepth(line: string, start: number): { depth: number; max: number; at: number } {
  let depth = start;
  let max = start;
  let at = 0;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (ch === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
    if (ch === '"' || ch === "'") i = closingQuote(line, i);
    else if ((ch === '[' || ch === '{') && (depth > 0 || opensValue(line, i))) {
      depth += 1;
      if (depth > max) [max, at] = [depth, i];
    } else if (ch === ']' || ch === '}') depth -= 1;
  }
  return { depth, max, at };
}

/**
 * Whether a `[` or `{` outside any flow collection starts one: at the start of a value (the line's
 * first character, or after `:`, `-`, `?` or `,`). Elsewhere it is part of a plain scalar, as in
 * `description: the JSON shape ([["name","…"]])`, and opens nothing.
 */
function opensValue(line: string, at: number): boolean {
  const before = line.slice(0, at).trimEnd();
  return before === '' || /[:\-?,]$/.test(before);
}

/** Index of the quote closing the one at `open` on this line (or the line's end). */
function closingQuote(line: string, open: number): number {
  const quote = line[open];
  for (let i = open + 1; i < line.length; i += 1) {
    if (quote === '"' && line[i] === '\\') i += 1;
    else if (line[i] === quote) return i;
  }
  return line.length;
}

function hit(offset: number, message: string): TextLimitHit {
  return { offset, rule: 'contract-too-deep', message };
}

/** The deepest nesting of arrays and objects in a value, computed without recursion. */
export function dataDepth(value: unknown): number {
  let max = 0;
  const stack: Array<readonly [unknown, number]> = [[value, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [v, d] = top;
    if (typeof v !== 'object' || v === null) continue;
    max = Math.max(max, d + 1);
    if (max > CONTRACT_LIMITS.maxDepth) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}
