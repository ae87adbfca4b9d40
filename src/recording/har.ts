/** A HAR 1.2 name/value pair (headers, query string). */
export interface HarNameValue {
  readonly name: string;
  readonly value: string;
}

/** Where a recorded exchange came from (custom HAR field `_source`). */
export interface HarSource {
  /** `doc`: a vendor doc example; `vendor-material`: what the vendor really sends; `described`: built from the doc's prose; `recorded`: captured by `conformance record`. */
  readonly kind: 'doc' | 'vendor-material' | 'described' | 'recorded';
  readonly doc: string;
  readonly example: string;
  readonly note?: string;
}

/** One HAR 1.2 entry with this suite's custom fields. */
export interface HarEntry {
  readonly _case: string;
  readonly _contract: string;
  readonly _source: HarSource;
  /** Which values were replaced by the redaction marker, e.g. `body:/login/password`. */
  readonly _redactions: readonly string[];
  readonly startedDateTime: string;
  readonly time: number;
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly httpVersion: string;
    readonly cookies: readonly unknown[];
    readonly headers: readonly HarNameValue[];
    readonly queryString: readonly HarNameValue[];
    readonly postData?: { readonly mimeType: string; readonly text: string };
    readonly headersSize: number;
    readonly bodySize: number;
  };
  readonly response: {
    readonly status: number;
    readonly statusText: string;
    readonly httpVersion: string;
    readonly cookies: readonly unknown[];
    readonly headers: readonly HarNameValue[];
    readonly content: { readonly size: number; readonly mimeType: string; readonly text?: string };
    readonly redirectURL: string;
    readonly headersSize: number;
    readonly bodySize: number;
  };
  readonly cache: Readonly<Record<string, never>>;
  readonly timings: { readonly send: number; readonly wait: number; readonly receive: number };
}

/** A HAR 1.2 document. `_contractHash` is the sha256 of the contract the recording was made against. */
export interface Har {
  readonly log: {
    readonly version: '1.2';
    readonly creator: { readonly name: string; readonly version: string };
    readonly _contractHash?: string;
    /** Where a `conformance record` run sent the requests: `live` or `simulate`. */
    readonly _target?: string;
    /** When `conformance record` wrote the file (ISO 8601). */
    readonly _recordedAt?: string;
    readonly entries: readonly HarEntry[];
  };
}

/** What replaces a secret in a recording. Replay treats credential positions as wildcards. */
export const REDACTED = '[redacted]';
