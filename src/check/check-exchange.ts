import type { CheckResult, SuiteName } from '../model/check-result.ts';
import type { EntryOutcome } from '../model/entry-summary.ts';
import type { Exchange } from '../model/http.ts';
import { hasErrors, type Violation } from '../model/violation.ts';
import type { HarEntry } from '../recording/har.ts';
import type { XmlElement } from '../codec/xml/xml-element.ts';
import type { Contract } from '../types/contract.ts';
import { runCheck } from '../runner/run-check.ts';
import type { CaseCheck, CaseContext, Check } from '../../suites/check.ts';
import { captureContext } from './capture-context.ts';
import { dedupeByCause } from './dedupe-violations.ts';
import { NotApplicable } from './not-applicable.ts';

/** The suites whose case checks judge one exchange: the request as sent, the response as received. */
export const EXCHANGE_SUITES: readonly SuiteName[] = ['request-building', 'response-parsing'];

/** A violation with the check that found it. */
export type ExchangeViolation = Violation & { readonly check: string };

/** Options of {@link checkCapturedExchange}. */
export interface CheckExchangeOptions {
  /** Every check; those of {@link EXCHANGE_SUITES} with case scope that apply to the contract run. */
  readonly checks: readonly Check[];
  /** Case name the results carry. @default 'exchange' */
  readonly label?: string;
  /** Where the exchange came from (the results' recording file). @default 'exchange' */
  readonly file?: string;
  readonly har?: HarEntry;
  /** The vendor version the integration targets (`request.vendor-version` is skipped without it). */
  readonly vendorVersion?: string;
  /** False when the capture holds no request body (request checks are then not applicable). @default true */
  readonly requestCaptured?: boolean;
  /** False when the capture holds no response body (response checks are then not applicable). @default true */
  readonly responseCaptured?: boolean;
  /** Entry id results carry in `entry`. */
  readonly entry?: string;
  /** The capture file results carry in `file` (after `entry`); absent: results carry no `file`. */
  readonly resultFile?: string;
  /** The command a failed result prints to reproduce it. */
  readonly reproduce?: string;
  /** The request body's document element when the caller already parsed it (`parseXml`, default limits), so it is parsed once. */
  readonly requestXml?: XmlElement;
}

/** Everything one exchange's checks found. */
export interface ExchangeCheck {
  readonly contract: string;
  /** True when no check found an error-severity violation. */
  readonly conformant: boolean;
  /** All violations of all checks, one per cause, in suite order. */
  readonly violations: readonly ExchangeViolation[];
  /** What a correct parser must conclude from the response; absent when its body was not captured. */
  readonly outcome?: EntryOutcome;
  /** One result per applicable check (skipped ones say why). */
  readonly results: readonly CheckResult[];
}

/** Run every request check on the request and every response check on the response of one exchange. */
export async function checkCapturedExchange(contract: Contract, exchange: Exchange, options: CheckExchangeOptions): Promise<ExchangeCheck> {
  const label = options.label ?? 'exchange';
  const ctx = await captureContext(contract, exchange, { label, file: options.file ?? 'exchange', ...(options.har === undefined ? {} : { har: options.har }), ...(options.vendorVersion === undefined ? {} : { vendorVersion: options.vendorVersion }), ...(options.requestXml === undefined ? {} : { requestXml: options.requestXml }) });
  const raw = exchangeChecks(contract, options).flatMap((check) => runCheck(check, ctx, options.reproduce ?? '') ?? []);
  const unreadable = ctx.recorded?.decoded.body === null && raw.some((r) => r.check === 'request.envelope' && r.state === 'failed');
  const results = finished(raw, unreadable, options);
  const violations = results.flatMap((r) => (r.state === 'skipped' ? [] : r.violations.map((v) => ({ ...v, check: r.check }))));
  const response = ctx.recorded?.response;
  const outcome = response === undefined || options.responseCaptured === false ? undefined : { status: exchange.response.status, outcome: response.outcome, vendorCode: response.vendorCode, message: response.message };
  return { contract: contract.id, conformant: !results.some((r) => r.state === 'failed'), violations, ...(outcome === undefined ? {} : { outcome }), results };
}

/** The applicable exchange checks by check list and contract: the same for every entry of a contract. */
const APPLICABLE = new WeakMap<readonly Check[], WeakMap<Contract, readonly CaseCheck[]>>();

/** The case checks of {@link EXCHANGE_SUITES} in `checks` that apply to the contract (computed once per list and contract). */
export function applicableExchangeChecks(checks: readonly Check[], contract: Contract): readonly CaseCheck[] {
  let byContract = APPLICABLE.get(checks);
  if (byContract === undefined) APPLICABLE.set(checks, (byContract = new WeakMap()));
  const known = byContract.get(contract);
  if (known !== undefined) return known;
  const applicable = checks.filter((c): c is CaseCheck => c.scope === 'case' && EXCHANGE_SUITES.includes(c.suite) && c.appliesTo(contract));
  byContract.set(contract, applicable);
  return applicable;
}

/** The guarded checks by their unguarded list and which bodies the capture lacks. */
const GUARDED = new WeakMap<readonly CaseCheck[], Map<string, readonly CaseCheck[]>>();

/** {@link applicableExchangeChecks}, each {@link guarded}. */
function exchangeChecks(contract: Contract, options: CheckExchangeOptions): readonly CaseCheck[] {
  const applicable = applicableExchangeChecks(options.checks, contract);
  let byMissing = GUARDED.get(applicable);
  if (byMissing === undefined) GUARDED.set(applicable, (byMissing = new Map()));
  const key = `${options.requestCaptured !== false}/${options.responseCaptured !== false}`;
  const known = byMissing.get(key);
  if (known !== undefined) return known;
  const checks = applicable.map((c) => guarded(c, options));
  byMissing.set(key, checks);
  return checks;
}

/** The check, reporting "not applicable" for what a capture lacks instead of failing. */
function guarded(check: CaseCheck, options: Pick<CheckExchangeOptions, 'requestCaptured' | 'responseCaptured'>): CaseCheck {
  const missing = check.suite === 'request-building' && options.requestCaptured === false ? 'the capture holds no request body' : check.suite === 'response-parsing' && options.responseCaptured === false ? 'the capture holds no response body' : undefined;
  return {
    ...check,
    run: (ctx: CaseContext) => {
      if (missing !== undefined) return { skip: `not checked: ${missing}` };
      try {
        return check.run(ctx);
      } catch (error) {
        if (error instanceof NotApplicable) return { skip: error.message };
        throw error;
      }
    },
  };
}

/** Checks that judge the decoded body's fields and rules: on a body that cannot be read, they would only restate that. */
const ON_DECODED_BODY = new Set(['request.schema', 'request.rules', 'request.vendor-version']);

/**
 * When the request body cannot be read as the contract's message (not XML, a SOAP 1.2 envelope),
 * what the field, rule and behaviour checks say about it restates that one cause: they are not
 * applicable. Every other check (transport, SOAPAction, envelope, and checks added later) stands.
 */
function isConsequence(result: CheckResult): boolean {
  const onBody = ON_DECODED_BODY.has(result.check) || result.check.startsWith('behaviour.');
  return result.suite === 'request-building' && onBody;
}

const CONSEQUENCE = 'not checked: the request body could not be read as the documented message (see request.envelope)';

/**
 * The entry's results as reported: one cause once across its checks (a check left with no error
 * passes), consequences of an unreadable body not applicable, then the entry and file they are for.
 * Each result is built once (a capture of 10,000 entries gives over 100,000 of them).
 */
function finished(results: readonly CheckResult[], unreadable: boolean, options: CheckExchangeOptions): CheckResult[] {
  // With at most one violation in all there is no second report of a cause to drop (most entries).
  const total = results.reduce((n, r) => n + (r.state === 'skipped' ? 0 : r.violations.length), 0);
  const lists = total <= 1 ? undefined : dedupeByCause(results.map((r) => ({ check: r.check, violations: r.state === 'skipped' ? [] : r.violations })));
  const { entry, resultFile: file } = options;
  return results.map((r, i): CheckResult => {
    if (r.state === 'skipped') {
      // Every entry has some (request.build needs a case input): built in one go as well, in the spread's field order.
      if (entry !== undefined && file !== undefined) return { id: r.id, check: r.check, title: r.title, suite: r.suite, contract: r.contract, case: r.case, durationMs: r.durationMs, state: 'skipped', reason: r.reason, entry, file };
      return tailed(r, options);
    }
    const violations = lists === undefined ? r.violations : (lists[i]?.violations ?? []);
    const { id, check, title, suite, contract, case: name, durationMs } = r;
    if (!hasErrors(violations)) {
      // The common case, built in one go: a capture of 10,000 entries gives about 100,000 passed results.
      if (entry !== undefined && file !== undefined) return { id, check, title, suite, contract, case: name, durationMs, state: 'passed', violations, entry, file };
      return tailed({ id, check, title, suite, contract, case: name, durationMs, state: 'passed', violations }, options);
    }
    if (unreadable && isConsequence(r)) return tailed({ id, check, title, suite, contract, case: name, durationMs, state: 'skipped', reason: CONSEQUENCE }, options);
    const failed = { id, check, title, suite, contract, case: name, durationMs, state: 'failed' as const, violations };
    return tailed(r.state === 'failed' && r.reproduce !== undefined ? { ...failed, reproduce: r.reproduce } : failed, options);
  });
}

/** A result with the entry id and capture file it is for, last. */
function tailed(result: CheckResult, options: CheckExchangeOptions): CheckResult {
  const { entry, resultFile: file } = options;
  if (entry === undefined) return file === undefined ? result : { ...result, file };
  return file === undefined ? { ...result, entry } : { ...result, entry, file };
}
