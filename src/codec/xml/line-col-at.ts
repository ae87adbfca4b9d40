/** A 1-based position in a text. */
export interface LineCol {
  readonly line: number;
  readonly col: number;
}

/** The 1-based line and column of character `index` of `text` (lines end at `\n`). */
export function lineColAt(text: string, index: number): LineCol {
  const end = Math.max(0, Math.min(index, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, col: end - lineStart + 1 };
}
