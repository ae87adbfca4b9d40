/**
 * A string quoted with its whitespace made visible, so a report shows a change that is only
 * whitespace: spaces at either end as `␠`, tabs as `\t`, line ends as `\n` / `\r`, and any other
 * non-printing space as `\u{…}`. Inner single spaces stay as they are.
 */
export function visibleWhitespace(text: string): string {
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const trail = text.length === lead.length ? '' : (/\s*$/.exec(text)?.[0] ?? '');
  const middle = text.slice(lead.length, text.length - trail.length);
  return `"${show(lead, true)}${show(middle, false)}${show(trail, true)}"`;
}

function show(part: string, edge: boolean): string {
  let out = '';
  for (const ch of part) {
    if (ch === ' ') out += edge ? '␠' : ' ';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (/\s/u.test(ch)) out += `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`;
    else out += ch;
  }
  return out;
}
