import type { Finding, RunSummary } from '../../src/model/run-summary.ts';
import { wrap } from '../shared/fit-width.ts';
import type { Palette } from './palette.ts';
import { SYMBOLS } from './symbols.ts';

/** One line for a run: how many doc findings there are and the command that lists them (shorter when `width` is narrow). */
export function renderFindingsCount(summary: RunSummary, palette: Palette, width = 80): readonly string[] {
  const n = summary.findings.length;
  if (n === 0) return [];
  const vendors = new Set(summary.findings.map((f) => f.contract.split('/')[0] ?? f.contract));
  const command = vendors.size === 1 ? `conformance findings --vendor ${[...vendors][0] ?? ''}` : 'conformance findings [--vendor V]';
  const count = `${n} doc finding${n === 1 ? '' : 's'}`;
  const note = '(vendor docs, not failures):';
  const full = 3 + count.length + 1 + note.length + 1 + command.length <= width;
  return [` ${palette.magenta(SYMBOLS.bullet)} ${count}${full ? ` ${palette.dim(note)}` : ':'} ${palette.cyan(command)}`];
}

/**
 * Doc findings grouped by contract: title and id, location, evidence, wrapped to `width`. Labelled
 * as not failures, because they describe the vendor's docs, not the integration (`conformance findings`).
 */
export function renderFindings(findings: readonly Finding[], palette: Palette, width = 80): readonly string[] {
  if (findings.length === 0) return [];
  const title = palette.bold(palette.magenta(`Findings (${findings.length})`));
  const heading = `${title} ${palette.dim('· vendor documentation inconsistencies, not failures')}`;
  const groups = groupByContract(findings).flatMap(([contract, list]) => ['', ` ${palette.bold(contract)}`, ...list.flatMap((f) => renderFinding(f, palette, width))]);
  return [heading, ...groups];
}

function groupByContract(findings: readonly Finding[]): ReadonlyArray<readonly [string, readonly Finding[]]> {
  const contracts = [...new Set(findings.map((f) => f.contract))];
  return contracts.map((c) => [c, findings.filter((f) => f.contract === c)] as const);
}

function renderFinding(f: Finding, palette: Palette, width: number): readonly string[] {
  const pad = '     ';
  return [
    `   ${palette.magenta(SYMBOLS.bullet)} ${wrap(`${f.title} [${f.id}]`, width - 5, pad).join('\n')}`,
    ...wrap(`at ${f.location}`, width - 5, pad).map((l, i) => (i === 0 ? `${pad}${palette.dim(l)}` : palette.dim(l))),
    ...wrap(`evidence: ${f.evidence}`, width - 5, pad).map((l, i) => (i === 0 ? `${pad}${l}` : l)),
  ];
}
