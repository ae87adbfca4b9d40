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
  const checks = options.checks.filter((c): c is CaseCheck => c.scope === 'case' && EXCHANGE_SUITES.includes(c.suite) && c.appliesTo(contract));
  const raw = checks.flatMap((check) => runCheck(guarded(check, options), ctx, options.reproduce ?? '') ?? []);
  const unreadable = ctx.recorded?.decoded.body === null && raw.some((r) => r.check === 'request.envelope' && r.state === 'failed');
  const results = deduped(raw).map((r) => withEntry(unreadable ? asConsequence(r) : r, options));
  const violations = results.flatMap((r) => (r.state === 'skipped' ? [] : r.violations.map((v) => ({ ...v, check: r.check }))));
  const response = ctx.recorded?.response;
  const outcome = response === undefined || options.responseCaptured === false ? undefined : { status: exchange.response.status, outcome: response.outcome, vendorCode: response.vendorCode, message: response.message };
  return { contract: contract.id, conformant: !results.some((r) => r.state === 'failed'), violations, ...(outcome === undefined ? {} : { outcome }), results };
}

/** The check, reporting "not applicable" for what a capture lacks instead of failing. */
function guarded(check: CaseCheck, options: CheckExchangeOptions): CaseCheck {
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
function asConsequence(result: CheckResult): CheckResult {
  const onBody = ON_DECODED_BODY.has(result.check) || result.check.startsWith('behaviour.');
  if (result.suite !== 'request-building' || !onBody || result.state !== 'failed') return result;
  const { id, check, title, suite, contract, case: name, durationMs } = result;
  return { id, check, title, suite, contract, case: name, durationMs, state: 'skipped', reason: 'not checked: the request body could not be read as the documented message (see request.envelope)' };
}

/** One cause once across the entry's checks; a check left with no error passes. */
function deduped(results: readonly CheckResult[]): CheckResult[] {
  const lists = dedupeByCause(results.map((r) => ({ check: r.check, violations: r.state === 'skipped' ? [] : r.violations })));
  return results.map((r, i): CheckResult => {
    if (r.state === 'skipped') return r;
    const violations = lists[i]?.violations ?? [];
    const { id, check, title, suite, contract, case: name, durationMs } = r;
    const base = { id, check, title, suite, contract, case: name, durationMs };
    if (!hasErrors(violations)) return { ...base, state: 'passed', violations };
    return r.state === 'failed' && r.reproduce !== undefined ? { ...base, state: 'failed', violations, reproduce: r.reproduce } : { ...base, state: 'failed', violations };
  });
}

function withEntry(result: CheckResult, options: CheckExchangeOptions): CheckResult {
  return options.entry === undefined ? result : { ...result, entry: options.entry };
}
