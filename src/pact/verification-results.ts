import type { CheckResult } from '../model/check-result.ts';
import type { Violation } from '../model/violation.ts';
import { violation } from '../model/violation.ts';
import type { StateProblem } from './verify-job.ts';

/** Id of the check each interaction's verification is reported under. */
export const PACT_VERIFY_CHECK = 'pact.verify';

interface Mismatch {
  readonly type?: string;
  readonly path?: string;
  readonly key?: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly mismatch?: string;
}

interface VerifierJson {
  readonly interactionResults?: readonly { readonly description?: string; readonly result?: string; readonly duration?: string }[];
  readonly errors?: readonly { readonly interaction?: string; readonly mismatch?: { readonly type?: string; readonly message?: string; readonly mismatches?: readonly Mismatch[] } }[];
}

/**
 * One check result per interaction (case) of a pact file, from the verifier's JSON result: passed
 * when the verifier says OK, failed with one violation per mismatch (status, header, body path)
 * otherwise. A provider state that could not be set up is a violation of every interaction
 * using it. Text that is not the verifier's JSON is refused (the caller reports it as an error).
 */
export function verificationResults(contract: string, interactions: readonly { readonly description: string; readonly states: readonly string[] }[], resultsJson: string, stateProblems: readonly StateProblem[]): CheckResult[] {
  const parsed = JSON.parse(resultsJson) as VerifierJson;
  return interactions.map((interaction) => {
    const own = (parsed.errors ?? []).filter((e) => matchesInteraction(e.interaction ?? '', interaction.description, interactions));
    const violations: Violation[] = [
      ...stateProblems.filter((p) => interaction.states.includes(p.state)).map((p) => violation('pact.provider-state', `state:${p.state}`, `Received: ${p.message} / Expected: the provider state "${p.state}" set up. Fix: point --provider-base-url at a simulator, or use --provider-states none and arrange the data yourself.`)),
      ...own.flatMap((e) => mismatchViolations(e.mismatch)),
    ];
    const verdict = (parsed.interactionResults ?? []).find((r) => r.description === interaction.description);
    const base = { id: `${contract}#${interaction.description}#${PACT_VERIFY_CHECK}`, check: PACT_VERIFY_CHECK, title: 'The provider answers the interaction as the pact says', suite: 'pact' as const, contract, case: interaction.description, durationMs: durationOf(verdict?.duration) };
    if (verdict === undefined && violations.length === 0) return { ...base, state: 'skipped', reason: 'The verifier did not report this interaction.' };
    const passed = verdict?.result === 'OK' && violations.length === 0;
    return passed ? { ...base, state: 'passed', violations: [] } : { ...base, state: 'failed', violations: violations.length > 0 ? violations : [violation('pact.failed', '', `Received: verifier result ${verdict?.result ?? 'none'} / Expected: OK.`)] };
  });
}

/** The verifier names an error "Verifying a pact between C and P Given S - DESCRIPTION". */
function matchesInteraction(name: string, description: string, all: readonly { readonly description: string }[]): boolean {
  const best = all.map((i) => i.description).filter((d) => name === d || name.endsWith(` - ${d}`)).sort((a, b) => b.length - a.length)[0];
  return best === description;
}

function mismatchViolations(mismatch: { readonly type?: string; readonly message?: string; readonly mismatches?: readonly Mismatch[] } | undefined): Violation[] {
  if (mismatch === undefined) return [];
  if (mismatch.mismatches === undefined) return [violation('pact.error', '', `Received: ${withoutBacktrace(mismatch.message ?? 'an error')} / Expected: a response to verify.`)];
  return mismatch.mismatches.map((m) => violation(`pact.${kebab(m.type ?? 'mismatch')}`, pathOf(m), `Received: ${show(m.actual)} / Expected: ${show(m.expected)}. ${withoutBacktrace(m.mismatch ?? '')}`.trim(), { type: m.type ?? 'mismatch' }));
}

/** The FFI appends a native stack backtrace to some messages (e.g. an unparsable body): not for people. */
function withoutBacktrace(message: string): string {
  return message.split(/\n\s*Stack backtrace:/)[0]?.trim() ?? message;
}

function pathOf(m: Mismatch): string {
  if (m.type === 'StatusMismatch') return 'status';
  if (m.type === 'HeaderMismatch') return `header:${m.key ?? ''}`;
  return clarkPath(m.path ?? '');
}

/**
 * `$['<uri>:Envelope']['<uri>:Body']['#text']` as Clark notation (`/{uri}Envelope/{uri}Body/#text`),
 * the form the audit uses; JSON paths (`$.status.code`) are kept.
 */
export function clarkPath(path: string): string {
  if (!path.startsWith("$['")) return path;
  const segments = [...path.matchAll(/\['((?:[^'\\]|\\.)*)'\]/g)].map((m) => m[1] ?? '');
  return segments
    .map((s) => {
      if (s.startsWith('#') || s.startsWith('@')) return `/${s}`;
      const colon = s.lastIndexOf(':');
      return colon <= 0 ? `/${s}` : `/{${s.slice(0, colon)}}${s.slice(colon + 1)}`;
    })
    .join('');
}

function show(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function kebab(type: string): string {
  return type.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}

function durationOf(text: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(text ?? '');
  if (m === null) return 0;
  return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
}
