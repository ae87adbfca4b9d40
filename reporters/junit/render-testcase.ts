import type { CheckResult, FailedResult } from '../../src/model/check-result.ts';
import { assertNever } from '../../src/model/result.ts';
import type { Violation } from '../../src/model/violation.ts';
import { describeViolation } from '../shared/describe-violation.ts';
import { escapeXmlAttribute as attr, escapeXmlText as text } from '../shared/escape-xml.ts';
import { formatSeconds } from '../shared/format-duration.ts';

/**
 * Render one check result as a JUnit `<testcase>`, indented for its `<testsuite>`.
 * `classname` is `<contract>.<suite>`; `name` is `<case or "contract"> › <check id>`. Warnings of a
 * passed check go to its `<system-out>`.
 * @param file The suite's file, named in a failure's message (`contracts/x.yaml:12: …`).
 */
export function renderJunitTestcase(result: CheckResult, file?: string): string {
  const open =
    `    <testcase classname="${attr(`${result.contract}.${result.suite}`)}"` +
    ` name="${attr(`${result.case ?? 'contract'} › ${result.check}`)}" time="${formatSeconds(result.durationMs)}"`;
  switch (result.state) {
    case 'passed': {
      const warnings = result.violations.filter((v) => v.severity === 'warning');
      if (warnings.length === 0) return `${open}/>`;
      return `${open}>\n      <system-out>${text(warnings.map((v) => `Warning: ${violationLine(v)}`).join('\n'))}</system-out>\n    </testcase>`;
    }
    case 'failed':
      return `${open}>\n${renderFailure(result, file)}\n    </testcase>`;
    case 'skipped':
      return `${open}>\n      <skipped message="${attr(result.reason)}"/>\n    </testcase>`;
    default:
      return assertNever(result);
  }
}

/** `<failure>`: the file and the first error's message as `message`, its rule as `type`, every violation in the body. */
function renderFailure(result: FailedResult, file: string | undefined): string {
  const first = result.violations.find((v) => v.severity === 'error') ?? result.violations[0];
  const where = file === undefined ? '' : `${file}${result.line === undefined ? '' : `:${result.line}`}: `;
  const message = `${where}${first?.message ?? `${result.check} failed`}`;
  const type = first?.rule ?? 'failed';
  const lines = [`${result.title}`, ...result.violations.flatMap(violationBlock)];
  if (file !== undefined) lines.push(`File: ${where.replace(/: $/, '')}`);
  if (result.reproduce !== undefined) lines.push(`Reproduce: ${result.reproduce}`);
  return `      <failure message="${attr(message)}" type="${attr(type)}">${text(lines.join('\n'))}</failure>`;
}

/** One violation: its line, then expected and actual on their own lines when it states them. */
function violationBlock(v: Violation): string[] {
  const view = describeViolation(v);
  const values = view.expected !== undefined && view.actual !== undefined ? [`  expected: ${view.expected}`, `  actual:   ${view.actual}`] : [];
  return [violationLine(v), ...values];
}

/** One violation as a single line. */
function violationLine(v: Violation): string {
  const marker = v.severity === 'warning' ? ' (warning)' : '';
  return `${v.path} [${v.rule}]${marker}: ${v.message}`;
}
