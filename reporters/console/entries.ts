import type { EntrySummary } from '../../src/model/entry-summary.ts';
import type { RunSummary } from '../../src/model/run-summary.ts';
import type { Palette } from './palette.ts';
import { SYMBOLS } from './symbols.ts';

/**
 * For `conformance check`: one line per captured entry (its index, method, host and path, and
 * the contract it was checked against, or "not checked"), then what a correct parser must
 * conclude from its response: outcome, vendor code and message. Empty for other runs.
 */
export function renderEntries(summary: RunSummary, palette: Palette): readonly string[] {
  const entries = summary.entries ?? [];
  if (entries.length === 0) return [];
  const several = new Set(entries.map((e) => e.file)).size > 1;
  const checked = entries.filter((e) => e.contract !== null).length;
  const heading = palette.bold(`Entries (${checked} checked, ${entries.length - checked} not checked)`);
  return [heading, ...entries.flatMap((e) => renderEntry(e, several, palette))];
}

function renderEntry(e: EntrySummary, several: boolean, palette: Palette): readonly string[] {
  const where = `${several ? `${e.file} ` : ''}entry ${e.index}  ${e.method} ${e.host}${e.path}`;
  if (e.contract === null) {
    const mark = e.state === 'failed' ? palette.red(SYMBOLS.failed) : palette.dim(SYMBOLS.skipped);
    return [` ${mark} ${where}  ${palette.dim('not checked: no contract matches')}`];
  }
  const mark = e.state === 'passed' ? palette.green(SYMBOLS.passed) : palette.red(SYMBOLS.failed);
  const how = e.match === 'exact' ? '' : palette.dim(` (${e.match})`);
  const lines = [` ${mark} ${where}  ${palette.cyan(e.contract)}${how}`];
  for (const d of e.differences) lines.push(`     ${palette.yellow('differs')} ${d}`);
  lines.push(`     ${outcomeLine(e)}`);
  return lines;
}

/** `response 404 → not_found · vendor code "404" · message "Not Found "` (quoted, so trailing spaces show). */
function outcomeLine(e: EntrySummary): string {
  if (e.outcome === undefined) return 'response not captured: no outcome';
  const { status, outcome, vendorCode, message } = e.outcome;
  const show = (v: string | null): string => (v === null ? '—' : JSON.stringify(v));
  return `response ${status} → ${outcome} · vendor code ${show(vendorCode)} · message ${show(message)}`;
}
