/**
 * Child process of rule-size-budget.test.ts: evaluates each rule given as JSON in argv[2] against the
 * shipped Centra contract, in a heap capped by the test, and prints one JSON line per rule (the
 * error code and message it failed with) and the process's peak RSS.
 */
import { loadContract } from '../../../src/contract/load-contract.ts';
import { evaluateRules } from '../../../src/rules/evaluate-rules.ts';
import type { RuleSpec } from '../../../src/types/contract.ts';
import { repoPath } from '../../helpers/paths.ts';

const rules = JSON.parse(process.argv[2] ?? '[]') as RuleSpec[];
const loaded = await loadContract(repoPath('contracts/centra/invoices_Update.yaml'));
if (!loaded.ok) throw new Error('the Centra contract should load');
for (const rule of rules) {
  const outcome = await evaluateRules({ ...loaded.value.contract, rules: [rule] }, 'request', { data: {} }).then(
    (violations) => ({ id: rule.id, violations }),
    (error: unknown) => ({ id: rule.id, code: (error as { code?: string }).code, message: (error as Error).message }),
  );
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}
process.stdout.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
