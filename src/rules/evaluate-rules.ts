import jsonata, { type Expression } from 'jsonata';
import type { Contract, RuleSpec } from '../types/contract.ts';
import type { Violation } from '../model/violation.ts';
import { SuiteError } from '../errors.ts';
import { sizeUpTo } from './value-size.ts';
import { BUDGET_BINDING, installBudget, RULE_BUDGET, RuleBudgetExceeded, type BudgetState } from './rule-budget.ts';

const compiled = new Map<string, Expression>();

/** Compile a JSONata expression once; throws on a syntax error (the loader reports those first). */
export function compileExpression(source: string): Expression {
  let expression = compiled.get(source);
  if (expression === undefined) {
    expression = jsonata(source);
    installBudget(expression);
    compiled.set(source, expression);
  }
  return expression;
}

/** What rules see: the decoded message, plus the SOAP header as `$header` when there is one. */
export interface RuleInput {
  readonly data: unknown;
  readonly header?: unknown;
}

/**
 * Evaluate the contract's rules for one side of the exchange. Each broken rule gives a violation
 * named `rule` with `params.rule` = the rule id; its message says what was received and quotes the doc.
 */
export async function evaluateRules(contract: Contract, on: 'request' | 'response', input: RuleInput, matched?: string | null): Promise<Violation[]> {
  const rules = (contract.rules ?? []).filter((r) => (r.on ?? 'request') === on && (r.responses === undefined || (matched != null && r.responses.includes(matched))));
  const results = await Promise.all(rules.map((rule) => evaluateRule(rule, input, contract.id)));
  return results.flat();
}

/**
 * @throws {SuiteError} `RULE_BUDGET` when a rule leaves its step, depth or size budget: that is a broken
 * contract (exit 2), not a verdict on the message.
 */
async function evaluateRule(rule: RuleSpec, input: RuleInput, contractId: string): Promise<Violation[]> {
  const budget: BudgetState = { steps: 0, depth: 0, produced: 0 };
  const bindings = { header: input.header ?? null, root: input.data, [BUDGET_BINDING]: budget };
  try {
    const subjects = rule.scope === undefined ? [input.data] : asArray(await compileExpression(rule.scope).evaluate(input.data, bindings));
    const out: Violation[] = [];
    for (const [index, subject] of subjects.entries()) {
      if ((await compileExpression(rule.assert).evaluate(subject, bindings)) === true) continue;
      out.push(await broken(rule, subject, bindings, rule.scope === undefined ? '' : `${rule.scope}[${index}]`));
    }
    return out;
  } catch (error) {
    if (error instanceof RuleBudgetExceeded) {
      throw new SuiteError('RULE_BUDGET', `Rule ${rule.id} of ${contractId} exceeded its evaluation budget: ${error.message} (${limitsOf(error.limit)}).`);
    }
    return [{ rule: 'rule-error', path: rule.id, message: `Rule ${rule.id} could not be evaluated: ${(error as { message?: string }).message ?? String(error)}`, severity: 'error', params: { rule: rule.id } }];
  }
}

/** The limits of the budget that was exceeded, as the suite error names them. */
function limitsOf(limit: RuleBudgetExceeded['limit']): string {
  if (limit === 'size') return `limits: RULE_BUDGET.maxResultLength ${RULE_BUDGET.maxResultLength} characters or items per step, maxProduced ${RULE_BUDGET.maxProduced} in all, maxPad ${RULE_BUDGET.maxPad}`;
  return `limits: RULE_BUDGET.maxSteps ${RULE_BUDGET.maxSteps} steps, maxDepth ${RULE_BUDGET.maxDepth}`;
}

async function broken(rule: RuleSpec, subject: unknown, bindings: Record<string, unknown>, path: string): Promise<Violation> {
  const shown = await Promise.all((rule.show ?? []).map(async (e) => `${e} = ${JSON.stringify(shownValue(await compileExpression(e).evaluate(subject, bindings))) ?? 'nothing'}`));
  const received = shown.length === 0 ? 'a message that breaks this rule' : shown.join(', ');
  const doc = rule.doc === undefined ? '' : ` (${rule.doc})`;
  const answer = rule.response === undefined ? '' : ` The vendor answers with its "${rule.response}" response.`;
  const message = `Rule ${rule.id}. Received: ${received} / Documented: ${rule.description.replace(/\.$/, '')}${doc}.${answer}`;
  // A rule the vendor's stack is shown not to enforce is a warning that says why (a failure with --strict).
  if (rule.accepted !== undefined) return { rule: 'rule', path: path === '' ? '/' : path, message: `${message} Accepted by the vendor's stack: ${rule.accepted}`, severity: 'warning', params: { rule: rule.id, accepted: rule.accepted } };
  return { rule: 'rule', path: path === '' ? '/' : path, message, severity: rule.severity ?? 'error', params: { rule: rule.id } };
}

/** A `show` value, refused when writing it out would take more than `maxResultLength` characters. */
function shownValue(value: unknown): unknown {
  if (sizeUpTo(value, RULE_BUDGET.maxResultLength) > RULE_BUDGET.maxResultLength) {
    throw new RuleBudgetExceeded('size', `a show value would be written out as more than ${RULE_BUDGET.maxResultLength} characters`);
  }
  return value;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
