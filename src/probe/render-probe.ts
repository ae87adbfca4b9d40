import { PROBE_VERDICTS, type ProbeReport, type ProbeResult } from './probe-result.ts';

/** The probe report as console lines: one per vendor, then the tally. Pure. */
export function renderProbeText(report: ProbeReport): string {
  const width = Math.max(...report.results.map((r) => r.contract.length), 8);
  const lines = report.results.map((r) => `${r.contract.padEnd(width)}  ${r.verdict.padEnd(12)} ${`${r.latencyMs} ms`.padStart(8)}  ${describe(r)}`);
  const counts = PROBE_VERDICTS.map((v) => [v, report.results.filter((r) => r.verdict === v).length] as const).filter(([, n]) => n > 0);
  const tally = counts.map(([v, n]) => `${n} ${v}`).join(', ');
  return `${lines.join('\n')}\n\n${report.results.length} probed: ${tally} · ${report.durationMs} ms · target ${report.target}\n`;
}

function describe(r: ProbeResult): string {
  const e = r.evidence;
  const parts: string[] = [];
  if (e.status !== undefined) parts.push(`HTTP ${e.status}`);
  if (e.response !== undefined && e.response !== null) parts.push(`${e.response} (${e.outcome ?? ''})`);
  else if (e.outcome !== undefined) parts.push(e.outcome);
  if (e.vendorCode !== undefined && e.vendorCode !== null) parts.push(`code ${e.vendorCode}`);
  if (e.message !== undefined && e.message !== null) parts.push(JSON.stringify(e.message.length > 120 ? `${e.message.slice(0, 117)}...` : e.message));
  if (e.problem !== undefined) parts.push(e.problem);
  else if (e.proof !== undefined) parts.push(`proof: ${e.proof}`);
  return parts.join(', ');
}

/** The probe report as JSON (`probe --json`), versioned by `schemaVersion`. */
export function renderProbeJson(report: ProbeReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
