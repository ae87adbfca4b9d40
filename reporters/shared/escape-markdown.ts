/**
 * Escape text for GitHub-flavoured Markdown prose and table cells. HTML-significant characters
 * become entities, so `<StatusCode>` shows as written and no tag can be injected. Inline Markdown
 * punctuation (backslash, backtick, `* _ [ ] ~ |`) is backslash-escaped, `|` included so a cell
 * never splits. Line breaks become spaces, other control characters U+FFFD.
 */
export function escapeMarkdown(text: string): string {
  return flatten(text)
    .replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch)
    .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`);
}

/**
 * A code span holding `text` literally: the fence is one backtick longer than the longest run of
 * backticks inside, padded with spaces when the text starts or ends with a backtick. With
 * `inTable`, `|` is written `\|`, which GFM tables require even inside code spans.
 */
export function codeSpan(text: string, inTable = false): string {
  const flat = flatten(text);
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  const body = inTable ? flat.replace(/\|/g, '\\|') : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** One line: line breaks become spaces, other control characters U+FFFD. */
function flatten(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\ufffd');
}
