import type { Contract } from '../../types/contract.ts';
import type { Exchange, HttpRequest, HttpResponse } from '../../model/http.ts';
import { redactExchange } from '../../recording/redact-exchange.ts';
import { redactValue } from '../../recording/redact-reporter.ts';
import type { CaseCheck } from '../../../suites/check.ts';
import { checkRequest, type CheckedRequest } from '../check-request.ts';
import { sentSecrets } from './sent-secrets.ts';

/** One received request, checked, with no secret left in it. */
export interface ReceivedRequest extends CheckedRequest {
  /** 1-based order of arrival, over all contracts. */
  readonly index: number;
  /** The exchange with every secret at a credential place (and every other known secret) redacted. */
  readonly exchange: Exchange;
  readonly redactions: readonly string[];
}

/** Every request the mocks or simulators received, checked as it arrived. */
export interface RequestLog {
  /** Check one exchange with the log's checks, redact it, keep it and return it. */
  record(contract: Contract, request: HttpRequest, response: HttpResponse, durationMs?: number): Promise<ReceivedRequest>;
  entries(): readonly ReceivedRequest[];
  clear(): void;
}

/** What the log checks with and which secrets it always redacts. */
export interface RequestLogOptions {
  /** The suites' request checks (see suites/received-request-checks.ts). */
  readonly checks: readonly CaseCheck[];
  /** Secrets redacted besides those found at credential places (e.g. the accepted credentials). */
  readonly secrets?: readonly string[];
  /** The reproduce line of a failed check. @default 'conformance check <exported HAR>' */
  readonly reproduce?: string;
}

/** A log that checks each request with the suites' checks and keeps only redacted copies. */
export function createRequestLog(options: RequestLogOptions): RequestLog {
  let received: ReceivedRequest[] = [];
  let index = 0;
  return {
    record: async (contract, request, response, durationMs = 0) => {
      index += 1;
      const path = safePath(request.url);
      const label = `request-${index} ${request.method.toUpperCase()} ${path}`;
      const checked = await checkRequest(contract, request, response, options.checks, label, options.reproduce ?? 'conformance check <exported HAR>');
      const secrets = [...sentSecrets(contract, request), ...(options.secrets ?? [])];
      const redacted = redactExchange(contract, { request, response, durationMs }, secrets);
      const entry: ReceivedRequest = { ...redactValue(checked, secrets), index, exchange: redacted.exchange, redactions: redacted.redactions };
      received.push(entry);
      return entry;
    },
    entries: () => received,
    clear: () => {
      received = [];
      index = 0;
    },
  };
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.replace(/\?.*$/, '');
  }
}
