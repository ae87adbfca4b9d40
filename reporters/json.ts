import { assertNever } from '../src/model/result.ts';
import type { CheckResult } from '../src/model/check-result.ts';
import type { AuditSection } from '../src/model/audit-section.ts';
import type { ContractCoverageSummary, ContractSummary, DriftEntry, Finding, RunSummary, RunWarning, Totals } from '../src/model/run-summary.ts';
import type { Violation } from '../src/model/violation.ts';
import type { EntrySummary } from '../src/model/entry-summary.ts';
import type { Reporter, ReporterOptions } from '../src/types/reporter.ts';
import { sortKeys } from './shared/sort-keys.ts';
import { utf8Join } from './shared/utf8-join.ts';
import { writeOutput } from './shared/write-output.ts';

/**
 * Render a run as the versioned JSON report described by `reporters/json-report.schema.json`.
 * Pure and stable: fields are emitted in schema order (anything outside the schema is dropped),
 * free-form `params` keys are sorted, indentation is two spaces, and the text ends with a newline.
 */
export function renderJson(summary: RunSummary): string {
  return [...renderJsonParts(summary)].join('');
}

/**
 * {@link renderJson}'s text in consecutive parts: the report without its two long arrays (`results`,
 * `entries`), with each of their items rendered on its own, so no copy of a whole large report (a
 * `check` of 10,000 entries has about 110,000 results) is ever built or held at once.
 */
export function* renderJsonParts(summary: RunSummary): Generator<string> {
  const { results, entries } = summary;
  const head = `${JSON.stringify(toReport({ ...summary, results: [], ...(entries === undefined ? {} : { entries: [] }) }), null, 2)}\n`;
  let at = 0;
  const long = [
    { key: 'results', parts: results.length === 0 ? undefined : arrayParts(results, toResult) },
    { key: 'entries', parts: entries === undefined || entries.length === 0 ? undefined : arrayParts(entries, toEntry) },
  ];
  for (const { key, parts } of long) {
    if (parts === undefined) continue;
    // Only a top-level key sits at two spaces after a line break (a string never holds a raw line break).
    const marker = `\n  "${key}": []`;
    const end = head.indexOf(marker, at) + marker.length - 2;
    yield head.slice(at, end);
    yield* parts;
    at = end + 2;
  }
  yield head.slice(at);
}

/** The items of a top-level array as `JSON.stringify(report, null, 2)` lays them out (items at four spaces), {@link ITEMS_PER_PART} at a time. */
function* arrayParts<T>(items: readonly T[], toShape: (item: T) => T): Generator<string> {
  yield '[\n';
  for (let at = 0; at < items.length; at += ITEMS_PER_PART) {
    // Nested twice, items come out indented and separated exactly as inside the report; the wrappers are cut off.
    const nested = JSON.stringify([items.slice(at, at + ITEMS_PER_PART).map(toShape)], null, 2);
    yield nested.slice(WRAPPER, nested.length - WRAPPER);
    yield at + ITEMS_PER_PART >= items.length ? '\n  ]' : ',\n';
  }
}

/** Items rendered by one `JSON.stringify` call: fewer calls and parts, each part still small (a few tens of KB). */
const ITEMS_PER_PART = 32;

/** Characters of `[\n  [\n` before a doubly nested item, and of `\n  ]\n]` after it. */
const WRAPPER = 6;

/** A reporter that writes {@link renderJson} at the end of the run to `options.path` (atomically) or stdout. */
export function createJsonReporter(options: ReporterOptions): Reporter {
  return {
    name: 'json',
    async onRunEnd(summary) {
      // A file gets the parts as UTF-8 bytes outside the JS heap. Stdout takes text, in chunks of about
      // STDOUT_CHUNK characters as they are rendered: the whole text at once (plus its bytes) was run's
      // peak at 4,924 exchanges (`--reporter json`, as the bench runs it).
      if (options.path !== undefined) return writeOutput(options, utf8Join(renderJsonParts(summary)));
      for (const chunk of chunked(renderJsonParts(summary))) if (options.stdout.write(chunk) === false) await drained(options.stdout);
    },
  };
}

/** Characters of text written to stdout at once (see createJsonReporter). */
const STDOUT_CHUNK = 1 << 20;

/**
 * Wait until a stream that said "full" (`write` returned false) has written its queue, or closed or failed
 * (a reader that went away, as `| head` does, must not leave the run waiting); a sink without events is not waited for.
 */
async function drained(out: ReporterOptions['stdout']): Promise<void> {
  const events = out as Partial<Pick<NodeJS.WritableStream, 'once' | 'removeListener'>>;
  const { once, removeListener } = events;
  if (typeof once !== 'function' || typeof removeListener !== 'function') return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      for (const name of ['drain', 'close', 'error']) removeListener.call(out, name, done);
      resolve();
    };
    for (const name of ['drain', 'close', 'error']) once.call(out, name, done);
  });
}

/** Consecutive parts joined into texts of at least STDOUT_CHUNK characters (the last may be shorter). */
function* chunked(parts: Iterable<string>): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const part of parts) {
    pending.push(part);
    length += part.length;
    if (length >= STDOUT_CHUNK) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}

function toReport(summary: RunSummary): RunSummary {
  return {
    schemaVersion: summary.schemaVersion,
    tool: { name: summary.tool.name, version: summary.tool.version },
    target: summary.target,
    startedAt: summary.startedAt,
    durationMs: summary.durationMs,
    ok: summary.ok,
    totals: toTotals(summary.totals),
    suites: [...summary.suites],
    contracts: summary.contracts.map(toContract),
    results: summary.results.map(toResult),
    findings: summary.findings.map(toFinding),
    coverage: summary.coverage.map(toCoverage),
    warnings: summary.warnings.map(toWarning),
    ...(summary.command === undefined ? {} : { command: summary.command }),
    ...(summary.rerun === undefined ? {} : { rerun: summary.rerun }),
    ...(summary.shard === undefined ? {} : { shard: { index: summary.shard.index, total: summary.shard.total } }),
    ...(summary.entries === undefined ? {} : { entries: summary.entries.map(toEntry) }),
    ...(summary.audit === undefined ? {} : { audit: toAudit(summary.audit) }),
    ...(summary.drift === undefined ? {} : { drift: summary.drift.map(toDrift) }),
  };
}

function toAudit(a: AuditSection): AuditSection {
  const { pairs, unchanged, changed, added, removed, breaking, warning, info } = a.totals;
  return {
    baseline: a.baseline,
    current: a.current,
    failOn: a.failOn,
    totals: { pairs, unchanged, changed, added, removed, breaking, warning, info },
    vendors: a.vendors.map((v) => ({ vendor: v.vendor, contracts: [...v.contracts], pairs: v.pairs, breaking: v.breaking, warning: v.warning, info: v.info })),
    pairs: a.pairs.map((p) => ({ vendor: p.vendor, contract: p.contract, case: p.case, file: p.file, state: p.state, changes: p.changes })),
  };
}

function toDrift(d: DriftEntry): DriftEntry {
  const base = { id: d.id, kind: d.kind, severity: d.severity, vendor: d.vendor, contract: d.contract, case: d.case, file: d.file, path: d.path };
  return {
    ...base,
    ...(d.before === undefined ? {} : { before: d.before }),
    ...(d.after === undefined ? {} : { after: d.after }),
    message: d.message,
    ...(d.breaks === undefined ? {} : { breaks: d.breaks }),
    ...(d.causedBy === undefined ? {} : { causedBy: { id: d.causedBy.id, path: d.causedBy.path } }),
  };
}

function toEntry(e: EntrySummary): EntrySummary {
  const base = { id: e.id, file: e.file, index: e.index, method: e.method, host: e.host, path: e.path, contract: e.contract, match: e.match, differences: [...e.differences], state: e.state };
  const outcome = e.outcome === undefined ? {} : { outcome: { status: e.outcome.status, outcome: e.outcome.outcome, vendorCode: e.outcome.vendorCode, message: e.outcome.message } };
  return { ...base, ...outcome, secrets: [...e.secrets] };
}

function toCoverage(c: ContractCoverageSummary): ContractCoverageSummary {
  return {
    contract: c.contract,
    total: c.total,
    covered: c.covered,
    items: c.items.map((i) => ({ kind: i.kind, id: i.id, passing: [...i.passing], failing: [...i.failing], missed: [...i.missed], covered: i.covered })),
  };
}

function toTotals(totals: Totals): Totals {
  return { passed: totals.passed, failed: totals.failed, skipped: totals.skipped };
}

function toContract(c: ContractSummary): ContractSummary {
  const { id, vendor, operation, protocol, file, cases } = c;
  return { id, vendor, operation, protocol, file, cases, totals: toTotals(c.totals) };
}

/** A result in schema order. Built field by field: a report can hold 100,000 of them, and spreading optional fields made each several objects. */
function toResult(r: CheckResult): CheckResult {
  const out: Record<string, unknown> = { id: r.id, check: r.check, title: r.title, suite: r.suite, contract: r.contract, case: r.case };
  if (r.entry !== undefined) out['entry'] = r.entry;
  if (r.file !== undefined) out['file'] = r.file;
  if (r.line !== undefined) out['line'] = r.line;
  out['durationMs'] = r.durationMs;
  out['state'] = r.state;
  switch (r.state) {
    case 'passed':
      out['violations'] = r.violations.map(toViolation);
      break;
    case 'failed':
      out['violations'] = r.violations.map(toViolation);
      if (r.reproduce !== undefined) out['reproduce'] = r.reproduce;
      break;
    case 'skipped':
      out['reason'] = r.reason;
      break;
    default:
      return assertNever(r);
  }
  return out as unknown as CheckResult;
}

function toViolation(v: Violation): Violation {
  const base = { rule: v.rule, path: v.path, message: v.message, severity: v.severity };
  return v.params === undefined ? base : { ...base, params: sortKeys(v.params) as Readonly<Record<string, unknown>> };
}

function toFinding(f: Finding): Finding {
  return { id: f.id, contract: f.contract, title: f.title, location: f.location, evidence: f.evidence };
}

function toWarning(w: RunWarning): RunWarning {
  return w.contract === undefined ? { message: w.message } : { message: w.message, contract: w.contract };
}
