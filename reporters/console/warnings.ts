import type { RunSummary } from '../../src/model/run-summary.ts';
import { truncate } from '../shared/fit-width.ts';
import { groupWarnings, type WarningGroup } from '../shared/group-warnings.ts';
import type { Palette } from './palette.ts';
import { SYMBOLS } from './symbols.ts';

/**
 * Warnings grouped by contract, check and rule, each on one line with the number of cases it was
 * seen in and its text cut to the terminal: `⚠ 15× invoicexpress/invoices.update behaviour.client-auto-create: Received: …`.
 * The full texts are in the JSON, Markdown and HTML reports. Empty when there are none.
 */
export function renderWarnings(summary: RunSummary, palette: Palette, width = 80): readonly string[] {
  const groups = groupWarnings(summary);
  if (groups.length === 0) return [];
  const total = groups.reduce((n, g) => n + g.cases.length, 0);
  const title = `Warnings (${total} in ${groups.length} group${groups.length === 1 ? '' : 's'})`;
  const note = '· depart from the docs, accepted by the vendor';
  const heading = ` ${palette.bold(palette.yellow(title))}${title.length + note.length + 2 <= width ? ` ${palette.dim(note)}` : ''}`;
  const countWidth = Math.max(...groups.map((g) => `${g.cases.length}×`.length));
  return [heading, ...groups.map((g) => renderGroup(g, palette, width, countWidth))];
}

function renderGroup(g: WarningGroup, palette: Palette, width: number, countWidth: number): string {
  const count = `${g.cases.length}×`.padStart(countWidth);
  const where = g.rule === 'run' ? g.contract : `${g.contract} ${g.checks.join(', ')}`;
  // Said before the text, which the width may cut: the first place's text stands for all of them.
  const places = g.paths.length > 1 ? ` (${g.paths.length} places)` : '';
  const plain = `${where.trim()}${places}: ${g.message}`;
  return ` ${palette.yellow(SYMBOLS.warning)} ${count} ${truncate(plain, width - countWidth - 4)}`;
}
