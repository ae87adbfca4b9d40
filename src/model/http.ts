/** An HTTP request as the suite builds, sends, records and replays it. Header names are lower-case. */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** An HTTP response. Header names are lower-case. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** One request with the response it got. */
export interface Exchange {
  readonly request: HttpRequest;
  readonly response: HttpResponse;
  readonly durationMs: number;
}

/** Lower-case every header name; the last value of a repeated name wins. */
export function normalizeHeaders(headers: Iterable<readonly [string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) out[name.toLowerCase()] = value;
  return out;
}
