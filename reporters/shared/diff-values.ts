import diff from 'microdiff';

/** One changed place between an expected and an actual value. */
export interface ValueChange {
  /** Dotted path inside the value (`items.0.qty`), or `''` for the value as a whole. */
  readonly path: string;
  readonly expected?: string;
  readonly actual?: string;
}

/** The most changes a view lists; the rest are counted. */
export const MAX_CHANGES = 8;

/**
 * What differs between two long values: for JSON objects or arrays, microdiff's changed paths; for
 * other text, the first place where they part, with a little context either side (so a 430-character
 * line shows the few characters that matter). Short values need no diff and give undefined.
 */
export function diffValues(expected: string, actual: string, short = 60): readonly ValueChange[] | undefined {
  if (expected.length <= short && actual.length <= short) return undefined;
  const structured = diffJson(expected, actual);
  if (structured !== undefined) return structured;
  // Texts that part at once have nothing in common to skip: show them whole (wrapped) instead.
  return commonPrefix(expected, actual) < MIN_COMMON ? undefined : [firstDifference(expected, actual)];
}

/** Common leading characters below which a "first difference" view would only hide context. */
const MIN_COMMON = 12;

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function diffJson(expected: string, actual: string): readonly ValueChange[] | undefined {
  const a = parseStructure(expected);
  const b = parseStructure(actual);
  if (a === undefined || b === undefined) return undefined;
  return diff(a, b).map((d) => {
    const path = d.path.join('.');
    switch (d.type) {
      case 'CREATE':
        return { path, actual: JSON.stringify(d.value) };
      case 'REMOVE':
        return { path, expected: JSON.stringify(d.oldValue) };
      case 'CHANGE':
        return { path, expected: JSON.stringify(d.oldValue), actual: JSON.stringify(d.value) };
    }
  });
}

function parseStructure(text: string): Record<string, unknown> | unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown> | unknown[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The two texts from a little before their first differing character, each cut to a window. */
function firstDifference(expected: string, actual: string, context = 20, window = 60): ValueChange {
  const i = commonPrefix(expected, actual);
  const from = Math.max(0, i - context);
  const cut = (text: string): string => `${from > 0 ? '…' : ''}${text.slice(from, from + window)}${text.length > from + window ? '…' : ''}`;
  return { path: `at character ${i + 1}`, expected: cut(expected), actual: cut(actual) };
}
