import type { Expression } from 'jsonata';
import { registerGuardedFunctions } from './guarded-functions.ts';
import { sizeUpTo } from './value-size.ts';

/** The named bounds on evaluating one JSONata rule expression. */
export const RULE_BUDGET = {
  /**
   * Evaluation steps one evaluation may take: the time budget, counted in steps rather than
   * milliseconds because rules of many cases are evaluated concurrently and wall-clock time would
   * charge each for the others. About 0.1–1 s of CPU; real rules take a few hundred steps.
   */
  maxSteps: 100_000,
  /** Deepest nesting of JSONata evaluation steps (recursion through functions counts). */
  maxDepth: 500,
  /** Longest range `[a..b]`; bounds must be number literals, so the size is known when the contract loads. */
  maxRange: 10_000,
  /** Longest string or array one evaluation step may produce (stops doubling loops such as `$a & $a`). */
  maxResultLength: 1024 * 1024,
  /** Widest `$pad` (it builds its whole result in one step, so the result check would come too late). */
  maxPad: 10_000,
  /**
   * Characters and items all the steps of one rule's evaluation may produce together (a string counts
   * its length, an array its items): the memory budget, as `maxSteps` is the time budget. It stops a
   * rule that builds many values each within `maxResultLength`, such as `[1..10000].[1..10000]`
   * (10^8 items) or ten thousand `$pad`s. Real rules produce a few thousand.
   */
  maxProduced: 8 * 1024 * 1024,
} as const;

/** The per-evaluation counters, passed to the hooks through a variable binding. */
export interface BudgetState {
  steps: number;
  depth: number;
  /** Characters and items produced so far (see `RULE_BUDGET.maxProduced`). */
  produced: number;
}

/** Name of the binding that carries `BudgetState` (not a valid JSONata identifier a rule could shadow by accident). */
export const BUDGET_BINDING = '__ruleBudget';

/** Raised from inside JSONata when an evaluation leaves its budget. */
export class RuleBudgetExceeded extends Error {
  constructor(readonly limit: 'steps' | 'depth' | 'size', message: string) {
    super(message);
    this.name = 'RuleBudgetExceeded';
  }
}

interface Environment {
  lookup(name: string): unknown;
}

/**
 * Install jsonata's evaluation hooks (`__evaluate_entry` / `__evaluate_exit`, the timeboxing
 * pattern from jsonata's own tests) on a compiled expression, and the size-guarded versions of the
 * functions that can build a long string in one step. The hooks read the per-evaluation
 * `BudgetState` from the bindings, so one compiled expression can be evaluated concurrently.
 */
export function installBudget(expression: Expression): void {
  // `&` writes an array or object operand out as JSON: an array holding one long string many times
  // is small to build and huge to write, so those operands are measured before the concatenation.
  const concatOperands = operandsOf(expression, '&');
  expression.assign(Symbol.for('jsonata.__evaluate_entry') as unknown as string, (_expr: unknown, _input: unknown, env: Environment) => {
    const state = env.lookup(BUDGET_BINDING) as BudgetState | undefined;
    if (state === undefined) return;
    state.depth += 1;
    state.steps += 1;
    if (state.depth > RULE_BUDGET.maxDepth) throw new RuleBudgetExceeded('depth', `evaluation nested deeper than ${RULE_BUDGET.maxDepth} steps (runaway recursion?)`);
    if (state.steps > RULE_BUDGET.maxSteps) throw new RuleBudgetExceeded('steps', `evaluation took more than ${RULE_BUDGET.maxSteps} steps (an endless loop?)`);
  });
  expression.assign(Symbol.for('jsonata.__evaluate_exit') as unknown as string, (expr: unknown, _input: unknown, env: Environment, result: unknown) => {
    const state = env.lookup(BUDGET_BINDING) as BudgetState | undefined;
    if (state === undefined) return;
    state.depth -= 1;
    const length = typeof result === 'string' || Array.isArray(result) ? result.length : 0;
    if (length > RULE_BUDGET.maxResultLength) throw new RuleBudgetExceeded('size', `a step produced ${length} characters or items, more than ${RULE_BUDGET.maxResultLength}`);
    state.produced += length;
    if (state.produced > RULE_BUDGET.maxProduced) throw new RuleBudgetExceeded('size', `its steps produced more than ${RULE_BUDGET.maxProduced} characters and items in all`);
    if (typeof result === 'object' && result !== null && concatOperands.has(expr as object)) {
      if (sizeUpTo(result, RULE_BUDGET.maxResultLength) > RULE_BUDGET.maxResultLength) throw new RuleBudgetExceeded('size', `an operand of '&' would be written out as more than ${RULE_BUDGET.maxResultLength} characters`);
    }
  });
  registerGuardedFunctions(expression, { maxResultLength: RULE_BUDGET.maxResultLength, maxPad: RULE_BUDGET.maxPad, exceeded: (message) => new RuleBudgetExceeded('size', message) });
}

/** The AST nodes that are operands of the binary operator `op`. */
function operandsOf(expression: Expression, op: string): WeakSet<object> {
  const operands = new WeakSet<object>();
  walk(expression, (n) => {
    if (n.type !== 'binary' || n.value !== op) return;
    if (n.lhs !== undefined) operands.add(n.lhs);
    if (n.rhs !== undefined) operands.add(n.rhs);
  });
  return operands;
}

interface AstNode {
  readonly type?: string;
  readonly value?: unknown;
  readonly position?: number;
  readonly lhs?: AstNode;
  readonly rhs?: AstNode;
}

/** Visit every node of the expression's AST, iteratively. */
function walk(expression: Expression, visit: (node: AstNode) => void): void {
  const stack: unknown[] = [expression.ast()];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node !== 'object' || node === null) continue;
    visit(node as AstNode);
    for (const child of Object.values(node)) if (typeof child === 'object') stack.push(child);
  }
}

/**
 * What the hooks cannot stop, refused when the contract loads. Ranges allocate without bound inside
 * a single evaluation step (JSONata allows 10 million items), so a range needs number-literal bounds
 * and at most `maxRange` items. `$eval` would evaluate an expression this check never saw.
 */
export function budgetProblem(expression: Expression): string | undefined {
  let problem: string | undefined;
  walk(expression, (n) => {
    problem ??= rangeProblemOf(n) ?? (n.type === 'variable' && n.value === 'eval' ? `$eval is not allowed (at position ${n.position ?? 0}): the expression it evaluates escapes the load-time checks` : undefined);
  });
  return problem;
}

function rangeProblemOf(n: AstNode): string | undefined {
  if (n.type !== 'binary' || n.value !== '..') return undefined;
  const from = n.lhs?.type === 'number' ? Number(n.lhs.value) : undefined;
  const to = n.rhs?.type === 'number' ? Number(n.rhs.value) : undefined;
  if (from === undefined || to === undefined) return `the range at position ${n.position ?? 0} has a bound that is not a number literal (its size must be known; limit ${RULE_BUDGET.maxRange} items)`;
  if (to - from + 1 > RULE_BUDGET.maxRange) return `the range [${from}..${to}] has ${to - from + 1} items, more than the limit of ${RULE_BUDGET.maxRange}`;
  return undefined;
}
