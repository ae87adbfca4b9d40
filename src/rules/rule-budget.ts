import type { Expression } from 'jsonata';

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
} as const;

/** The per-evaluation counters, passed to the hooks through a variable binding. */
export interface BudgetState {
  steps: number;
  depth: number;
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
 * pattern from jsonata's own tests) on a compiled expression. They read the per-evaluation
 * `BudgetState` from the bindings, so one compiled expression can be evaluated concurrently.
 */
export function installBudget(expression: Expression): void {
  expression.assign(Symbol.for('jsonata.__evaluate_entry') as unknown as string, (_expr: unknown, _input: unknown, env: Environment) => {
    const state = env.lookup(BUDGET_BINDING) as BudgetState | undefined;
    if (state === undefined) return;
    state.depth += 1;
    state.steps += 1;
    if (state.depth > RULE_BUDGET.maxDepth) throw new RuleBudgetExceeded('depth', `evaluation nested deeper than ${RULE_BUDGET.maxDepth} steps (runaway recursion?)`);
    if (state.steps > RULE_BUDGET.maxSteps) throw new RuleBudgetExceeded('steps', `evaluation took more than ${RULE_BUDGET.maxSteps} steps (an endless loop?)`);
  });
  expression.assign(Symbol.for('jsonata.__evaluate_exit') as unknown as string, (_expr: unknown, _input: unknown, env: Environment, result: unknown) => {
    const state = env.lookup(BUDGET_BINDING) as BudgetState | undefined;
    if (state === undefined) return;
    state.depth -= 1;
    const length = typeof result === 'string' || Array.isArray(result) ? result.length : 0;
    if (length > RULE_BUDGET.maxResultLength) throw new RuleBudgetExceeded('size', `a step produced ${length} characters or items, more than ${RULE_BUDGET.maxResultLength}`);
  });
  const pad = (value: unknown, width: unknown, char: unknown): string | undefined => {
    if (value === undefined) return undefined;
    const w = typeof width === 'number' ? Math.trunc(width) : 0;
    if (Math.abs(w) > RULE_BUDGET.maxPad) throw new RuleBudgetExceeded('size', `$pad to ${w} characters is wider than ${RULE_BUDGET.maxPad}`);
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const fill = typeof char === 'string' && char !== '' ? char : ' ';
    return w < 0 ? text.padStart(-w, fill) : text.padEnd(w, fill);
  };
  expression.registerFunction('pad', pad, '<s-ns?:s>');
}

interface AstNode {
  readonly type?: string;
  readonly value?: unknown;
  readonly position?: number;
  readonly lhs?: AstNode;
  readonly rhs?: AstNode;
}

/**
 * Ranges are the one step that allocates without bound inside a single evaluation step (JSONata
 * allows 10 million items), so the hooks cannot stop them: refuse, when the contract loads, a
 * range whose bounds are not number literals or that spans more than `maxRange` items.
 */
export function rangeProblem(expression: Expression): string | undefined {
  const stack: unknown[] = [expression.ast()];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node !== 'object' || node === null) continue;
    const n = node as AstNode;
    if (n.type === 'binary' && n.value === '..') {
      const from = n.lhs?.type === 'number' ? Number(n.lhs.value) : undefined;
      const to = n.rhs?.type === 'number' ? Number(n.rhs.value) : undefined;
      if (from === undefined || to === undefined) return `the range at position ${n.position ?? 0} has a bound that is not a number literal (its size must be known; limit ${RULE_BUDGET.maxRange} items)`;
      if (to - from + 1 > RULE_BUDGET.maxRange) return `the range [${from}..${to}] has ${to - from + 1} items, more than the limit of ${RULE_BUDGET.maxRange}`;
    }
    for (const child of Object.values(n)) if (typeof child === 'object') stack.push(child);
  }
  return undefined;
}
