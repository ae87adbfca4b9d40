import type { CaseSpec, Contract } from '../src/types/contract.ts';
import type { SuiteName } from '../src/model/check-result.ts';
import type { HttpRequest } from '../src/model/http.ts';
import type { Violation } from '../src/model/violation.ts';
import type { SendResult } from '../src/types/target.ts';
import type { HarEntry } from '../src/recording/har.ts';
import type { DecodedRequest, MessageBody } from '../src/protocols/protocol.ts';
import type { ParsedResponse } from '../src/protocols/classify-response.ts';
import type { BuiltRequest } from '../src/protocols/build-request.ts';
import type { ContractCoverage } from '../src/coverage/coverage.ts';

/** A case's recording as loaded: the entry, or why it could not be used. */
export type LoadedRecording =
  | { readonly ok: true; readonly file: string; readonly entry: HarEntry; readonly contractHash?: string }
  | { readonly ok: false; readonly file: string; readonly problem: string };

/** Everything prepared for one case before its checks run. Checks only read it. */
export interface CaseContext {
  readonly contract: Contract;
  readonly case: CaseSpec;
  readonly recording: LoadedRecording;
  /** The request the integration sent, as recorded, read and decoded. */
  readonly recorded?: {
    readonly request: HttpRequest;
    readonly message: MessageBody;
    readonly decoded: DecodedRequest;
    readonly response: ParsedResponse;
    /** Contract rules (`on: request`) the recorded request breaks. */
    readonly requestRules: readonly Violation[];
    /** Contract rules (`on: response`) the recorded response breaks. */
    readonly responseRules: readonly Violation[];
  };
  /** The request built from the case's canonical input. */
  readonly built: BuiltRequest;
  /** Contract rules the built request breaks. */
  readonly builtRules: readonly Violation[];
  /** The vendor version the run targets (`--vendor-version`), when given. */
  readonly vendorVersion?: string;
  /** What the target answered to the built request, and its classification. */
  readonly sent: SendResult;
  readonly answered?: ParsedResponse;
}

/** Everything a contract-level check sees: the contract, all its prepared cases, and the coverage evidence. */
export interface ContractContext {
  readonly contract: Contract;
  readonly cases: readonly CaseContext[];
  /** sha256 of the contract file (LoadedContract.hash), for stale-recording detection. */
  readonly hash?: string;
  /** Every documented item with the cases and mutations that exercise it (see src/runner/gather-coverage.ts). */
  readonly coverage: ContractCoverage;
}

/**
 * A check returns violations (empty = passed), a reason it was skipped (it applies but could not
 * run, e.g. a missing flag), or `notApplicable` when it can never apply to this case: such a pair is
 * not a result at all (not a testcase, not "skipped").
 */
export type CheckOutcome = readonly Violation[] | { readonly skip: string } | { readonly notApplicable: string };

interface CheckBase {
  /** Stable dotted id; part of the JSON report. */
  readonly id: string;
  readonly title: string;
  readonly suite: SuiteName;
  appliesTo(contract: Contract): boolean;
}

/** A check over one case. Pure: context in, violations out. */
export interface CaseCheck extends CheckBase {
  readonly scope: 'case';
  run(ctx: CaseContext): CheckOutcome;
}

/** A check over a whole contract. Pure. */
export interface ContractCheck extends CheckBase {
  readonly scope: 'contract';
  run(ctx: ContractContext): CheckOutcome;
}

/** Any check. */
export type Check = CaseCheck | ContractCheck;

/** Applies to every contract. */
export const always = (): boolean => true;
