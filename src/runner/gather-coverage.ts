import type { Contract, RuleSpec } from '../types/contract.ts';
import type { HttpResponse } from '../model/http.ts';
import type { RuleInput } from '../rules/evaluate-rules.ts';
import { classifyResponse } from '../protocols/classify-response.ts';
import { entryResponse } from '../recording/entry-to-exchange.ts';
import { contractFieldCoverage, type PartCoverage } from '../mutations/contract-field-coverage.ts';
import { breakRule } from '../mutations/rule-mutation.ts';
import { contractCoverage, coverageItem, type ContractCoverage, type CoverageItem } from '../coverage/coverage.ts';
import type { CaseContext } from '../../suites/check.ts';
import { foldMutationBases } from './mutation-bases-fold.ts';
import { foldBehaviourEvidence, type Recorded } from './behaviour-evidence.ts';

/** Field mutations of every part of the contract, and the coverage of every documented item. */
export interface ContractEvidence {
  readonly parts: readonly PartCoverage[];
  readonly coverage: ContractCoverage;
}

/**
 * A contract's coverage evidence under way: each case is added, in case order, as soon as it is
 * prepared, and leaves behind only names, a few mutation bases and the first instance of each item,
 * so the run need not hold every case until the end.
 */
export interface CoverageFold {
  add(c: CaseContext): void;
  finish(): Promise<ContractEvidence>;
}

/** Gather, for one contract, the evidence that each documented item passes and fails. */
export async function gatherCoverage(contract: Contract, cases: readonly CaseContext[]): Promise<ContractEvidence> {
  const fold = startCoverage(contract);
  for (const c of cases) fold.add(c);
  return fold.finish();
}

/** Start gathering a contract's coverage evidence case by case. */
export function startCoverage(contract: Contract): CoverageFold {
  const bases = foldMutationBases(contract);
  const responses = contract.responses.map((spec) => foldResponse(spec.name));
  const rules = (contract.rules ?? []).map((rule) => foldRule(rule));
  const behaviours = foldBehaviourEvidence(contract);
  return {
    add(c) {
      if (c.recorded === undefined) return;
      const recorded = c as Recorded;
      bases.add(recorded);
      for (const r of responses) r.add(recorded);
      for (const r of rules) r.add(recorded);
      behaviours.add(recorded);
    },
    async finish() {
      const parts = contractFieldCoverage(contract, bases.bases());
      const items: CoverageItem[] = [
        ...parts.flatMap((p) => p.fields.map((f) => coverageItem('field', `${p.part} ${f.field}`, f.passing === null ? [] : [f.passing], f.mutations.filter((m) => m.detected).map((m) => `mutation:${m.constraint}`), f.mutations.filter((m) => !m.detected).map((m) => `mutation:${m.constraint}`)))),
        ...responses.map((r) => r.item(contract)),
        ...(await Promise.all(rules.map((r) => r.item(contract)))),
        ...behaviours.items(parts),
      ];
      return { parts, coverage: contractCoverage(contract.id, items) };
    },
  };
}

/** A documented response: the cases answered with it, and whether a changed status or body of the first stops matching it. */
function foldResponse(name: string): { add(c: Recorded): void; item(contract: Contract): CoverageItem } {
  const answered: string[] = [];
  let first: HttpResponse | undefined;
  return {
    add(c) {
      if (c.recorded.response.matched !== name) return;
      answered.push(c.case.name);
      if (first === undefined && c.recording.ok) first = entryResponse(c.recording.entry);
    },
    item(contract) {
      if (first === undefined) return coverageItem('response', `response ${name}`, [], []);
      const response = first;
      const mutations = [
        { what: 'mutation:status', response: { ...response, status: 599 } },
        { what: 'mutation:body', response: { ...response, body: response.body.trim() === '' ? '<unexpected/>' : '' } },
      ];
      const caught = mutations.filter((m) => classifyResponse(contract, m.response).matched !== name).map((m) => m.what);
      return coverageItem('response', `response ${name}`, answered, caught, caught.length === 0 ? ['mutation:status', 'mutation:body'] : []);
    },
  };
}

/** A rule: the cases keeping it, those breaking it as they expect to, and a mutation of the first keeping it that breaks it. */
function foldRule(rule: RuleSpec): { add(c: Recorded): void; item(contract: Contract): Promise<CoverageItem> } {
  const onResponse = rule.on === 'response';
  const passing: string[] = [];
  const negative: string[] = [];
  let input: RuleInput | undefined;
  return {
    add(c) {
      if (onResponse && rule.responses !== undefined && !rule.responses.includes(c.recorded.response.matched ?? '')) return;
      const breaks = (onResponse ? c.recorded.responseRules : c.recorded.requestRules).some((v) => v.params?.['rule'] === rule.id);
      if (breaks) {
        if ((c.case.expect.rules ?? []).includes(rule.id)) negative.push(c.case.name);
        return;
      }
      passing.push(c.case.name);
      input ??= onResponse ? { data: c.recorded.response.data } : { data: c.recorded.decoded.body, header: c.recorded.decoded.header };
    },
    async item(contract) {
      const mutation = input === undefined ? undefined : await breakRule(contract, rule, input);
      return coverageItem('rule', `rule ${rule.id}`, passing, [...negative, ...(mutation === undefined ? [] : [mutation])]);
    },
  };
}
