/**
 * Scanning a text for the secret variants of src/recording/secret-variants.ts, as one global regular
 * expression over all of them would (leftmost match first; at one position the first alternative in
 * order wins; the scan goes on after it), without compiling that expression.
 *
 * Two things made the one expression slow. V8 stops optimizing a regular expression whose source is
 * over about 20 KB (no quick checks, no Boyer-Moore lookahead): seven secrets with every special
 * character made one of 170 KB, scanned at about 3 µs per character, most of a live run's CPU. So
 * the alternatives are compiled once, in groups under {@link MAX_GROUP_SOURCE}, and the groups' next
 * matches merged. And most texts hold no secret: an alternative can only match a text that holds
 * each of its literals (the letters and digits of the secret it spells out, which no encoding
 * changes), so a text is scanned only with the groups holding an alternative whose literals it
 * holds, often none.
 */

/** One alternative: its regex source, the strings any match of it holds verbatim, and the fewest characters a match spans. */
export interface MatcherAlternative {
  readonly source: string;
  readonly literals: readonly string[];
  readonly minLength: number;
}

/** A compiled scan over ordered alternatives. */
export interface TextMatcher {
  /** The text with each match replaced, as `text.replace(oneGlobalRegex, replacer)` gives it. */
  replace(text: string, replacer: (found: string) => string): string;
  /** Whether the text holds a match of any alternative. */
  test(text: string): boolean;
}

/**
 * Most regex source in one compiled group: well under V8's 20 KB limit for optimizing a pattern, as
 * optimizing grows faster than the pattern (seven canary secrets: 12 KB groups took 0.9 s to compile
 * and scan a few echoes, 3 KB groups 0.1 s, and scanned clean text as fast).
 */
export const MAX_GROUP_SOURCE = 3_000;

/**
 * A matcher for the alternatives in their order, each behind the lookahead `(?=[startClass])`
 * (the characters any of them can start with). `maxGroupSource` is for tests.
 */
export function textMatcher(alternatives: readonly MatcherAlternative[], startClass: string, maxGroupSource = MAX_GROUP_SOURCE): TextMatcher {
  const literals = [...new Set(alternatives.flatMap((a) => a.literals))];
  const needs = alternatives.map((a) => a.literals.map((l) => literals.indexOf(l)));
  const shortest = Math.min(...alternatives.map((a) => a.minLength));
  // When every alternative has a literal, a text holding no alternative's longest literal (most texts:
  // decoded base64, a report's ids and messages) is passed in one scan. The longest, not any: a short
  // literal such as `ry` of one alternative is in every `entry N`, though that alternative's others are not.
  const keys = [...new Set(alternatives.map((a) => longest(a.literals)))];
  const anyLiteral = literals.length > 0 && needs.every((n) => n.length > 0) ? new RegExp(keys.map((l) => l.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|')) : undefined;
  // Each group is compiled once, when a text first needs it (V8 takes milliseconds to optimize one);
  // a text skips the groups none of whose alternatives it can match.
  const groups = groupAlternatives(alternatives, maxGroupSource).map((members) => ({ members, re: undefined as RegExp | undefined }));
  const compiled = (group: { readonly members: readonly number[]; re: RegExp | undefined }): RegExp =>
    (group.re ??= new RegExp(`(?=[${startClass}])(?:${group.members.map((i) => `(?:${alternatives[i]?.source ?? ''})`).join('|')})`, 'g'));
  const groupsFor = (text: string): RegExp[] => {
    if (text.length < shortest || anyLiteral?.test(text) === false) return [];
    const possible = possibleAlternatives(needs, literals, text);
    return groups.filter((g) => g.members.some((i) => possible[i])).map(compiled);
  };
  return {
    replace: (text, replacer) => replaceAll(text, groupsFor(text), replacer),
    test: (text) => groupsFor(text).some((re) => {
      re.lastIndex = 0;
      return re.test(text);
    }),
  };
}

/** The longest of some strings (the first of equals); '' for none. */
function longest(strings: readonly string[]): string {
  return strings.reduce((best, s) => (s.length > best.length ? s : best), '');
}

/** For each alternative, whether the text holds its every literal (by index in `literals`); each literal is looked up once. */
function possibleAlternatives(needs: readonly (readonly number[])[], literals: readonly string[], text: string): boolean[] {
  // 0: not looked up yet, 1: held, 2: not held.
  const held = new Uint8Array(literals.length);
  const holds = (i: number): boolean => {
    if (held[i] === 0) held[i] = text.includes(literals[i] ?? '') ? 1 : 2;
    return held[i] === 1;
  };
  return needs.map((need) => need.every(holds));
}

/** The alternatives' indexes in order, cut into groups of at most `maxSource` characters of source (one at least). */
function groupAlternatives(alternatives: readonly MatcherAlternative[], maxSource: number): number[][] {
  const groups: number[][] = [];
  let size = Infinity;
  alternatives.forEach((a, i) => {
    if (size + a.source.length > maxSource) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)?.push(i);
    size += a.source.length;
  });
  return groups;
}

/**
 * Replace as one global expression of all groups' alternatives would: the leftmost next match of
 * any group, the earliest group on a tie (its alternatives come first), then on from its end.
 */
function replaceAll(text: string, groups: readonly RegExp[], replacer: (found: string) => string): string {
  if (groups.length === 0) return text;
  if (groups.length === 1) return text.replace(groups[0] as RegExp, replacer);
  const next = groups.map((): RegExpExecArray | null | undefined => undefined);
  let out = '';
  let at = 0;
  for (;;) {
    let best: RegExpExecArray | undefined;
    groups.forEach((re, i) => {
      let found = next[i];
      if (found === undefined || (found !== null && found.index < at)) {
        re.lastIndex = at;
        next[i] = found = re.exec(text);
      }
      if (found !== null && (best === undefined || found.index < best.index)) best = found;
    });
    if (best === undefined) return at === 0 ? text : out + text.slice(at);
    out += text.slice(at, best.index) + replacer(best[0]);
    at = best.index + best[0].length;
  }
}
