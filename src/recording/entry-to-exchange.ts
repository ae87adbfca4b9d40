import type { Exchange, HttpRequest, HttpResponse } from '../model/http.ts';
import type { HarEntry, HarNameValue } from './har.ts';

function headerMap(headers: readonly HarNameValue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of headers) out[h.name.toLowerCase()] = h.value;
  return out;
}

/** The request a HAR entry recorded. */
export function entryRequest(entry: HarEntry): HttpRequest {
  return { method: entry.request.method, url: entry.request.url, headers: headerMap(entry.request.headers), body: entry.request.postData?.text ?? '' };
}

/** The response a HAR entry recorded. */
export function entryResponse(entry: HarEntry): HttpResponse {
  return { status: entry.response.status, headers: headerMap(entry.response.headers), body: entry.response.content.text ?? '' };
}

/** The whole recorded exchange. */
export function entryExchange(entry: HarEntry): Exchange {
  return { request: entryRequest(entry), response: entryResponse(entry), durationMs: entry.time };
}
