import type { CheckResult } from '../../src/model/check-result.ts';
import type { EntrySummary } from '../../src/model/entry-summary.ts';
import { escapeXmlAttribute as attr, escapeXmlText as text } from '../shared/escape-xml.ts';
import { formatSeconds } from '../shared/format-duration.ts';

/**
 * One captured entry as a JUnit `<testcase>` named `entry <index> <METHOD> <path> › <contract>`:
 * `<failure>` lists every violation of every check, `<skipped>` when the entry was not checked.
 */
export function renderEntryTestcase(entry: EntrySummary | undefined, results: readonly CheckResult[]): string {
  const first = results[0];
  const contract = entry?.contract ?? first?.contract ?? '';
  const name = entry === undefined ? `${first?.case ?? ''} › ${contract}` : `entry ${entry.index} ${entry.method} ${entry.path} › ${contract}`;
  const time = results.reduce((sum, r) => sum + r.durationMs, 0);
  const open = `    <testcase classname="${attr(`${contract}.check`)}" name="${attr(name)}" time="${formatSeconds(time)}"`;
  const failed = results.filter((r) => r.state === 'failed');
  if (failed.length > 0) return `${open}>\n${renderFailure(entry, failed)}\n    </testcase>`;
  if (results.every((r) => r.state === 'skipped')) {
    const reason = results.map((r) => (r.state === 'skipped' ? r.reason : '')).join('; ');
    return `${open}>\n      <skipped message="${attr(reason)}"/>\n    </testcase>`;
  }
  return `${open}/>`;
}

function renderFailure(entry: EntrySummary | undefined, failed: readonly CheckResult[]): string {
  const violations = failed.flatMap((r) => (r.state === 'failed' ? r.violations.map((v) => ({ check: r.check, ...v })) : []));
  const firstError = violations.find((v) => v.severity === 'error') ?? violations[0];
  const lines = violations.map((v) => `${v.check} ${v.path} [${v.rule}]${v.severity === 'warning' ? ' (warning)' : ''}: ${v.message}`);
  if (entry?.outcome !== undefined) lines.push(`Response ${entry.outcome.status}: outcome ${entry.outcome.outcome}, vendor code ${JSON.stringify(entry.outcome.vendorCode)}, message ${JSON.stringify(entry.outcome.message)}`);
  const reproduce = failed.find((r) => r.state === 'failed' && r.reproduce !== undefined);
  if (reproduce?.state === 'failed' && reproduce.reproduce !== undefined) lines.push(`Reproduce: ${reproduce.reproduce}`);
  const message = `${violations.length} violation(s); first: ${firstError?.message ?? ''}`;
  return `      <failure message="${attr(message)}" type="${attr(firstError?.rule ?? 'failed')}">${text(lines.join('\n'))}</failure>`;
}
