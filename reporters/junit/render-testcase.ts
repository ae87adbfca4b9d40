import type { CheckResult, FailedResult } from '../../src/model/check-result.ts';
import { assertNever } from '../../src/model/result.ts';
import type { Violation } from '../../src/model/violation.ts';
import { escapeXmlAttribute as attr, escapeXmlText as text } from '../shared/escape-xml.ts';
import { formatSeconds } from '../shared/format-duration.ts';

/**
 * Render one check result as a JUnit `<testcase>`, indented for its `<testsuite>`.
 * `classname` is `<contract>.<suite>`; `name` is `<case or "contract"> › <check id>`.
 */
export function renderJunitTestcase(result: CheckResult): string {
  const open =
    `    <testcase classname="${attr(`${result.contract}.${result.suite}`)}"` +
    ` name="${attr(`${result.case ?? 'contract'} › ${result.check}`)}" time="${formatSeconds(result.durationMs)}"`;
  switch (result.state) {
    case 'passed':
      return `${open}/>`;
    case 'failed':
      return `${open}>\n${renderFailure(result)}\n    </testcase>`;
    case 'skipped':
      return `${open}>\n      <skipped message="${attr(result.reason)}"/>\n    </testcase>`;
    default:
      return assertNever(result);
  }
}

/** `<failure>`: the first error's message and rule as attributes, every violation in the body. */
function renderFailure(result: FailedResult): string {
  const first = result.violations.find((v) => v.severity === 'error') ?? result.violations[0];
  const message = first?.message ?? `${result.check} failed`;
  const type = first?.rule ?? 'failed';
  const lines = [`${result.title}`, ...result.violations.map(violationLine)];
  if (result.reproduce !== undefined) lines.push(`Reproduce: ${result.reproduce}`);
  return `      <failure message="${attr(message)}" type="${attr(type)}">${text(lines.join('\n'))}</failure>`;
}

/** One violation as a single line of the failure body. */
function violationLine(v: Violation): string {
  const marker = v.severity === 'warning' ? ' (warning)' : '';
  return `${v.path} [${v.rule}]${marker}: ${v.message}`;
}
