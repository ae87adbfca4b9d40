import type { CaseSpec, Contract } from '../types/contract.ts';
import type { XmlElement } from '../codec/xml/xml-element.ts';
import type { Exchange } from '../model/http.ts';
import type { HarEntry } from '../recording/har.ts';
import { toHarEntry } from '../recording/to-har.ts';
import { requestSide } from './request-side.ts';
import { responseSide } from './response-side.ts';
import type { CaseContext } from '../../suites/check.ts';
import { unavailable } from './not-applicable.ts';

/** Where a captured exchange comes from, for the context's `recording` and the results' case name. */
export interface CaptureSource {
  /** The case name results carry, e.g. `app.har entry 3`. */
  readonly label: string;
  readonly file: string;
  /** The HAR entry; when absent (library use), one is made from the exchange. */
  readonly har?: HarEntry;
  readonly vendorVersion?: string;
  /** The request body's document element when the caller already parsed it (`parseXml`, default limits): it is not parsed again. */
  readonly requestXml?: XmlElement;
}

/**
 * The context a case check sees for one captured exchange: `recorded` is filled from the capture,
 * exactly as a shipped recording's would be. What captured traffic does not have (the request
 * built from a case input, a target's answer, the case's expected outcome and input) throws
 * NotApplicable when read, so a check that needs it is reported not applicable instead of failing.
 */
export async function captureContext(contract: Contract, exchange: Exchange, source: CaptureSource): Promise<CaseContext> {
  const [{ message, decoded, requestRules }, { response, responseRules }] = await Promise.all([requestSide(contract, exchange.request.body, source.requestXml), responseSide(contract, exchange.response)]);
  const entry = source.har ?? toHarEntry(exchange, { contract: contract.id, case: source.label, source: { kind: 'recorded', doc: source.file, example: source.label }, redactions: [], startedDateTime: new Date(0).toISOString() });
  const ctx: Record<string, unknown> = Object.create(LACKED_BY_CAPTURES) as Record<string, unknown>;
  Object.assign(ctx, {
    contract,
    case: captureCase(source.label),
    recording: { ok: true as const, file: source.file, entry },
    recorded: { request: exchange.request, message, decoded, response, requestRules, responseRules },
    ...(source.vendorVersion === undefined ? {} : { vendorVersion: source.vendorVersion }),
  });
  return ctx as unknown as CaseContext;
}

/**
 * What no capture has, shared by every capture context (and case) as its prototype: reading it
 * throws NotApplicable. Defined once, not on each of a large capture's thousands of contexts.
 */
const LACKED_BY_CAPTURES = Object.defineProperties(
  {},
  {
    built: unavailable('the request built from a case input'),
    builtRules: unavailable('the request built from a case input'),
    sent: unavailable("a target's answer to the built request"),
    answered: unavailable("a target's answer to the built request"),
  },
);
const CASE_LACKED = Object.defineProperties({}, { input: unavailable("the case's canonical input") });
const EXPECT_LACKED = Object.defineProperties({}, { outcome: unavailable("the case's expected outcome") });

/** A case with a name and no expectations: a capture's request must keep every rule. */
function captureCase(name: string): CaseSpec {
  return Object.assign(Object.create(CASE_LACKED) as object, { name, expect: Object.create(EXPECT_LACKED) as object }) as CaseSpec;
}
