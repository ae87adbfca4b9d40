/** Indent every line of a possibly multi-line text, so long messages stay under their heading. */
export function indent(text: string, prefix: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `${prefix}${line}`)
    .join('\n');
}
