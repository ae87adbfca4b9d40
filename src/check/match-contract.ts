import type { Contract } from '../types/contract.ts';
import { SOAP11_NS } from '../protocols/soap11.ts';
import type { RequestIdentity } from './request-identity.ts';

/** A contract an entry is for, and how sure the match is. */
export interface ContractMatch {
  readonly contract: Contract;
  /** `exact`: the whole identity is as documented; `nearest`: clearly meant for it, but `differences` differ. */
  readonly how: 'exact' | 'nearest';
  /** "Received: … / Documented: …" for each part of the identity that differs. */
  readonly differences: readonly string[];
}

/**
 * The contract a request is meant for. REST contracts are identified by method and path template;
 * SOAP contracts by the operation element's local name or the SOAPAction's operation, at the
 * documented path. A request clearly meant for a contract but with a wrong namespace URI,
 * SOAPAction or envelope version is still tied to it (`nearest`), so its checks fail rather than
 * the entry being skipped. Undefined when no contract is meant (another host or operation).
 */
export function matchContract(contracts: readonly Contract[], identity: RequestIdentity): ContractMatch | undefined {
  let best: { contract: Contract; score: number; differences: string[] } | undefined;
  for (const contract of contracts) {
    const scored = score(contract, identity);
    if (scored !== undefined && (best === undefined || scored.score > best.score)) best = { contract, ...scored };
  }
  if (best === undefined) return undefined;
  return { contract: best.contract, how: best.differences.length === 0 ? 'exact' : 'nearest', differences: best.differences };
}

/** How well a request fits a contract, or undefined when it is clearly not for it. */
function score(contract: Contract, id: RequestIdentity): { score: number; differences: string[] } | undefined {
  const t = contract.transport;
  const path = pathFit(t.path, id.path);
  const differences: string[] = [];
  if (id.method !== t.method) differences.push(`method: Received: ${id.method} / Documented: ${t.method}`);
  if (path === 'suffix') differences.push(`path: Received: ${id.path} / Documented: ${t.path} (served under a prefix)`);
  if (path === 'none') differences.push(`path: Received: ${id.path} / Documented: ${t.path}`);
  if (contract.protocol !== 'soap11') {
    // REST: method and path template name the operation; the root element only confirms it.
    if (path === 'none' || id.method !== t.method) return undefined;
    const element = contract.request.element;
    if (contract.protocol === 'xml' && element !== undefined && id.operation !== undefined) differences.push(...elementDifferences(contract, id.operation, 'root element'));
    return { score: (path === 'exact' ? 8 : 6) + (differences.length === 0 ? 2 : 0), differences };
  }
  return soapScore(contract, id, path, differences);
}

function soapScore(contract: Contract, id: RequestIdentity, path: PathFit, differences: string[]): { score: number; differences: string[] } | undefined {
  const documented = contract.transport.soapAction ?? '';
  const element = contract.request.element ?? '';
  const byElement = id.operation !== undefined && id.operation.local === element;
  const byAction = id.soapAction !== undefined && actionOperation(id.soapAction) === actionOperation(documented) && actionOperation(documented) !== '';
  if (!byElement && !byAction) return undefined;
  if (id.soapAction !== documented) differences.push(`SOAPAction: Received: ${id.soapAction === undefined ? 'no header' : JSON.stringify(id.soapAction)} / Documented: ${JSON.stringify(documented)}`);
  if (id.root !== undefined && id.root.local === 'Envelope' && id.root.ns !== SOAP11_NS) differences.push(`envelope: Received: {${id.root.ns}}Envelope / Documented: {${SOAP11_NS}}Envelope (SOAP 1.1)`);
  if (id.operation === undefined) differences.push(`operation element: Received: none / Documented: {${contract.namespace ?? ''}}${element}`);
  else differences.push(...elementDifferences(contract, id.operation, 'operation element'));
  const pathScore = path === 'exact' ? 8 : path === 'suffix' ? 6 : 0;
  return { score: pathScore + (byElement ? 4 : 0) + (byAction ? 4 : 0) + (id.operation?.ns === contract.namespace ? 2 : 0) + (id.soapAction === documented ? 1 : 0), differences };
}

function elementDifferences(contract: Contract, el: { ns: string; local: string }, what: string): string[] {
  const ns = contract.namespace ?? '';
  const local = contract.request.element ?? '';
  if (el.ns === ns && el.local === local) return [];
  return [`${what}: Received: {${el.ns}}${el.local} / Documented: {${ns}}${local}`];
}

/** The operation a SOAPAction names: its last path segment, without quotes, case and trailing slash. */
function actionOperation(action: string): string {
  // Captures repeat a handful of actions over thousands of entries (bounded: a few contracts' worth).
  const known = OPERATIONS.get(action);
  if (known !== undefined) return known;
  const operation = operationOf(action);
  if (OPERATIONS.size >= MAX_REMEMBERED_ACTIONS) OPERATIONS.clear();
  OPERATIONS.set(action, operation);
  return operation;
}

const OPERATIONS = new Map<string, string>();
/** Distinct SOAPActions remembered at most (a capture of unknown hosts may send many). */
const MAX_REMEMBERED_ACTIONS = 1_000;

function operationOf(action: string): string {
  const bare = action.trim().replace(/^"|"$/g, '').replace(/\/+$/, '');
  return (bare.split(/[/#:]/).pop() ?? '').toLowerCase();
}

type PathFit = 'exact' | 'suffix' | 'none';

/** Whether a path fits a template (`{param}` = one segment), exactly or under a prefix. */
function pathFit(template: string, path: string): PathFit {
  const { exact, suffix } = templatePatterns(template);
  if (exact.test(path)) return 'exact';
  return suffix.test(path) ? 'suffix' : 'none';
}

/** A template's two patterns, compiled once per template (a capture matches thousands of entries against each contract). */
const PATTERNS = new Map<string, { readonly exact: RegExp; readonly suffix: RegExp }>();

function templatePatterns(template: string): { readonly exact: RegExp; readonly suffix: RegExp } {
  const known = PATTERNS.get(template);
  if (known !== undefined) return known;
  const body = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+');
  const patterns = { exact: new RegExp(`^${body}$`), suffix: new RegExp(`^/.+${body}$`) };
  PATTERNS.set(template, patterns);
  return patterns;
}
