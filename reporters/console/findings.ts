import type { Finding, RunSummary } from '../../src/model/run-summary.ts';
import { indent } from './indent.ts';
import type { Palette } from './palette.ts';
import { SYMBOLS } from './symbols.ts';

/**
 * Doc findings grouped by contract: title and id, location, evidence. Labelled as not failures,
 * because they describe the vendor's docs, not the integration. Empty when there are none.
 */
export function renderFindings(summary: RunSummary, palette: Palette): readonly string[] {
  if (summary.findings.length === 0) return [];
  const title = palette.bold(palette.magenta(`Findings (${summary.findings.length})`));
  const heading = `${title} ${palette.dim('· vendor documentation inconsistencies, not failures')}`;
  const groups = groupByContract(summary.findings).flatMap(([contract, findings]) => [
    '',
    ` ${palette.bold(contract)}`,
    ...findings.flatMap((f) => renderFinding(f, palette)),
  ]);
  return [heading, ...groups];
}

function groupByContract(findings: readonly Finding[]): ReadonlyArray<readonly [string, readonly Finding[]]> {
  const contracts = [...new Set(findings.map((f) => f.contract))];
  return contracts.map((c) => [c, findings.filter((f) => f.contract === c)] as const);
}

function renderFinding(f: Finding, palette: Palette): readonly string[] {
  return [
    `   ${palette.magenta(SYMBOLS.bullet)} ${f.title}  ${palette.dim(`[${f.id}]`)}`,
    `     ${palette.dim('at')} ${f.location}`,
    indent(`${palette.dim('evidence:')} ${f.evidence}`, '     '),
  ];
}
