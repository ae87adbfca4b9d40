/** One problem in a contract file, positioned in its source. */
export interface ContractProblem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** The rule broken: a JSON Schema keyword (`additionalProperties`, `type`) or a contract rule (`duplicate-case`). */
  readonly rule: string;
  readonly message: string;
}

/** `file:line:col: rule: message`, the format editors and CI annotators understand. */
export function formatProblem(p: ContractProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.rule}: ${p.message}`;
}
