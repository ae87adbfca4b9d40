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

/** What a contract-level check knows before any case arrives. */
export interface ContractStart {
  readonly contract: Contract;
  /** sha256 of the contract file (LoadedContract.hash), for stale-recording detection. */
  readonly hash?: string;
}

/** What a contract-level check sees once every case was added: the contract and the coverage evidence. */
export interface ContractEnd extends ContractStart {
  /** Every documented item with the cases and mutations that exercise it (see src/runner/gather-coverage.ts). */
  readonly coverage: ContractCoverage;
}

/** A contract with all its prepared cases held together (tests, and callers that have every case at hand). */
export interface ContractContext extends ContractEnd {
  readonly cases: readonly CaseContext[];
}

/**
 * One contract-level check under way: the runner adds each prepared case, in case order, as soon as
 * that case's own checks ran, then releases the case's context (its recording, requests and parsed
 * messages). So `add` keeps only the compact data `finish` needs (a key, a name, a violation).
 */
export interface ContractCheckRun {
  add(ctx: CaseContext): void;
  finish(ctx: ContractEnd): CheckOutcome;
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

/** A check over a whole contract, fed its cases one at a time. Pure. Define one with {@link contractCheck}. */
export interface ContractCheck extends CheckBase {
  readonly scope: 'contract';
  /** Start the check on one contract (see {@link ContractCheckRun}). */
  begin(start: ContractStart): ContractCheckRun;
  /** `begin`, every case of `ctx` added in order, then `finish`. */
  run(ctx: ContractContext): CheckOutcome;
}

/** Any check. */
export type Check = CaseCheck | ContractCheck;

/** Applies to every contract. */
export const always = (): boolean => true;

/** A contract-level check from its definition: `run` is derived from `begin`. */
export function contractCheck(definition: Omit<ContractCheck, 'scope' | 'run'>): ContractCheck {
  return { ...definition, scope: 'contract', run: (ctx) => runOverCases(definition.begin, ctx) };
}

function runOverCases(begin: ContractCheck['begin'], ctx: ContractContext): CheckOutcome {
  const started = begin(ctx);
  for (const c of ctx.cases) started.add(c);
  return started.finish(ctx);
}
