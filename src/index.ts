/**
 * The library surface of invoice-update-conformance (versioned with the package; see README
 * "Library API"). Plain objects in, plain results out; no CLI, no process state.
 *
 * ```ts
 * import { loadContracts, checkExchange } from 'invoice-update-conformance';
 * const contracts = await loadContracts();
 * const result = await checkExchange(contracts, { request, response });
 * if (!result.conformant) console.log(result.violations);
 * ```
 */
import { SuiteError } from './errors.ts';
import { normalizeHeaders, type Exchange, type HttpRequest, type HttpResponse } from './model/http.ts';
import type { Contract, LoadedContract } from './types/contract.ts';
import { loadAllContracts } from './cli/load-contracts.ts';
import { SHIPPED_CONTRACTS } from './cli/paths.ts';
import { buildRequest as buildContractRequest, type BuiltRequest } from './protocols/build-request.ts';
import { classifyResponse as classifyContractResponse, type ParsedResponse } from './protocols/classify-response.ts';
import { placeholderCredentials } from './contract/placeholder-credentials.ts';
import { checkCapturedExchange, type ExchangeCheck } from './check/check-exchange.ts';
import { matchContract } from './check/match-contract.ts';
import { requestIdentity } from './check/request-identity.ts';
import { CHECKS } from '../suites/index.ts';

export type { Contract, LoadedContract } from './types/contract.ts';
export type { HttpRequest, HttpResponse, Exchange } from './model/http.ts';
export type { Outcome } from './model/outcome.ts';
export type { Violation, Severity } from './model/violation.ts';
export type { CheckResult } from './model/check-result.ts';
export type { EntryOutcome } from './model/entry-summary.ts';
export type { ParsedResponse } from './protocols/classify-response.ts';
export type { BuiltRequest, BuildOptions } from './protocols/build-request.ts';
export type { ExchangeCheck, ExchangeViolation } from './check/check-exchange.ts';
export { SuiteError } from './errors.ts';
export type { SuiteErrorCode } from './errors.ts';

/** Options of {@link loadContracts}. */
export interface LoadContractsOptions {
  /** Folders or files of contracts. @default the contracts the package ships (`contracts/`), whatever the working directory */
  readonly paths?: readonly string[];
}

/**
 * Load and validate contracts. Every problem of every file is reported at once.
 * @throws SuiteError `CONTRACT_NOT_FOUND` (no contract files) or `CONTRACT_INVALID` (its `details` list `file:line:col: rule: message`)
 */
export async function loadContracts(options: LoadContractsOptions = {}): Promise<Contract[]> {
  return (await loadAllContracts(options.paths ?? [SHIPPED_CONTRACTS])).map((l: LoadedContract) => l.contract);
}

/** A request as a caller has it: header names in any case. */
export interface RequestInput {
  readonly method: string;
  readonly url: string;
  /** @default {} */
  readonly headers?: Readonly<Record<string, string>>;
  /** @default '' */
  readonly body?: string;
}

/** A response as a caller has it: header names in any case. */
export interface ResponseInput {
  readonly status: number;
  /** @default {} */
  readonly headers?: Readonly<Record<string, string>>;
  /** @default '' */
  readonly body?: string;
}

/** Options of {@link checkExchange}. */
export interface CheckExchangeOptions {
  /** The vendor version the integration targets (e.g. `R11.0.0`); without it `request.vendor-version` is skipped. */
  readonly vendorVersion?: string;
}

/**
 * Check one request and its response against a contract with every request check (transport,
 * SOAPAction, envelope, namespaces, schema, rules, vendor version) and every response check
 * (readable, documented, schema, rules): the engine `conformance check` runs on each HAR entry.
 * Returns all violations, one per cause, and the outcome a correct parser must conclude.
 * Given several contracts, the one the request is meant for is inferred (method, path template,
 * SOAPAction, operation element by namespace URI), the nearest when some of that is wrong.
 * @throws SuiteError `CONTRACT_NOT_FOUND` when no contract is meant for the request
 */
export async function checkExchange(contract: Contract | readonly Contract[], exchange: { readonly request: RequestInput; readonly response: ResponseInput }, options: CheckExchangeOptions = {}): Promise<ExchangeCheck> {
  const normalized: Exchange = { request: toRequest(exchange.request), response: toResponse(exchange.response), durationMs: 0 };
  const chosen = isContractList(contract) ? inferContract(contract, normalized.request) : contract;
  return checkCapturedExchange(chosen, normalized, { checks: CHECKS, ...(options.vendorVersion === undefined ? {} : { vendorVersion: options.vendorVersion }) });
}

/**
 * Classify a response into a normalized outcome with the vendor's code and message, checked
 * against the documented responses (the `parse` command's result).
 */
export function classifyResponse(contract: Contract, response: ResponseInput): ParsedResponse {
  return classifyContractResponse(contract, toResponse(response));
}

/** Options of {@link buildRequest}. */
export interface BuildRequestOptions {
  /** Where the request goes. @default the contract's `transport.replayBaseUrl` */
  readonly baseUrl?: string;
  /** Credential values by the contract's credential names. @default each credential's `example` placeholder */
  readonly credentials?: Readonly<Record<string, string>>;
}

/**
 * Turn a canonical invoice update (see `src/model/canonical-update.schema.json`) into the HTTP
 * request the vendor expects. `violations` names every required value the input lacks.
 */
export function buildRequest(contract: Contract, input: unknown, options: BuildRequestOptions = {}): BuiltRequest {
  return buildContractRequest(contract, input, { baseUrl: options.baseUrl ?? contract.transport.replayBaseUrl, credentials: options.credentials ?? placeholderCredentials(contract) });
}

function isContractList(value: Contract | readonly Contract[]): value is readonly Contract[] {
  return Array.isArray(value);
}

function inferContract(contracts: readonly Contract[], request: HttpRequest): Contract {
  const match = matchContract(contracts, requestIdentity(request));
  if (match === undefined) throw new SuiteError('CONTRACT_NOT_FOUND', `No contract is meant for ${request.method} ${safePath(request.url)}. Known contracts: ${contracts.map((c) => c.id).join(', ')}.`);
  return match.contract;
}

function toRequest(r: RequestInput): HttpRequest {
  return { method: r.method.toUpperCase(), url: r.url, headers: normalizeHeaders(Object.entries(r.headers ?? {})), body: r.body ?? '' };
}

function toResponse(r: ResponseInput): HttpResponse {
  return { status: r.status, headers: normalizeHeaders(Object.entries(r.headers ?? {})), body: r.body ?? '' };
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? '';
  }
}
