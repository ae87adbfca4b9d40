import type { XmlProblem } from '../../codec/xml/parse-xml.ts';
import { violation, type Violation } from '../../model/violation.ts';

/** Express an XML parse problem as a violation, with its position when known. */
export function xmlProblemToViolation(problem: XmlProblem): Violation {
  const where = problem.line === undefined ? '' : ` (line ${problem.line}${problem.col === undefined ? '' : `, column ${problem.col}`})`;
  return violation(problem.rule, '/', `${problem.message}${where}`);
}
