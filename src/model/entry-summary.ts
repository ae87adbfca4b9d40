import type { Outcome } from './outcome.ts';

/** How a captured entry was tied to a contract. */
export type EntryMatch =
  /** Method, path and (SOAP) SOAPAction and operation element all as the contract documents them. */
  | 'exact'
  /** Clearly meant for the contract, but some of its identity differs (listed in `differences`). */
  | 'nearest'
  /** `--contract` named the contract. */
  | 'forced'
  /** No contract: the entry is not checked (another host or operation). */
  | 'none';

/** What a correct parser must conclude from an entry's response. */
export interface EntryOutcome {
  readonly status: number;
  readonly outcome: Outcome;
  readonly vendorCode: string | null;
  readonly message: string | null;
}

/** One entry of a captured HAR, as `conformance check` reports it. Never holds a credential. */
export interface EntrySummary {
  /** Stable id: `<file>#<index>`; results about the entry carry it in `entry`. */
  readonly id: string;
  readonly file: string;
  /** 1-based position in the file's `log.entries`. */
  readonly index: number;
  readonly method: string;
  /** Host and port of the request URL. */
  readonly host: string;
  /** Path of the request URL (no query: it may hold a credential). */
  readonly path: string;
  /** Contract id, or null when no contract matches. */
  readonly contract: string | null;
  readonly match: EntryMatch;
  /** For `nearest`: what differed from the contract's identity, as "Received: … / Documented: …". */
  readonly differences: readonly string[];
  /** `passed`: conforms; `failed`: some check failed (or unknown with `--unknown fail`); `skipped`: not checked. */
  readonly state: 'passed' | 'failed' | 'skipped';
  /** The response's classification; absent when the entry was not checked or its response body was not captured. */
  readonly outcome?: EntryOutcome;
  /** Secret credential positions (password, token, key) that held a value in the capture (`body:/login/password`); never the value. */
  readonly secrets: readonly string[];
}
