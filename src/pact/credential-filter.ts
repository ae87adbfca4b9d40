/** One placeholder and the credential value that replaces it in flight. */
export interface Substitution {
  readonly placeholder: string;
  readonly value: string;
}

/** The parts of an incoming (express) request the filter rewrites. */
export interface FilterableRequest {
  url: string;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A request filter for the Pact verifier's proxy: puts each credential into the request where the
 * pact carries its placeholder: in the query (URL-encoded), an XML body (XML-escaped) or a JSON
 * body (as a JSON string), and fixes Content-Length. Values live only in memory, in this closure.
 */
export function credentialFilter(substitutions: readonly Substitution[]): (req: FilterableRequest, res: unknown, next: () => void) => void {
  return (req, _res, next) => {
    req.url = substituteQuery(req.url, substitutions);
    if (Buffer.isBuffer(req.body)) {
      const text = substituteText(req.body.toString('utf8'), substitutions, contentTypeOf(req).includes('json') ? jsonEscape : xmlEscape);
      const body = Buffer.from(text, 'utf8');
      req.body = body;
      req.headers['content-length'] = String(body.length);
    } else if (typeof req.body === 'object' && req.body !== null) {
      // body-parser already parsed a JSON body; the proxy sends JSON.stringify of it.
      req.body = substituteJson(req.body, substitutions);
      req.headers['content-length'] = String(Buffer.byteLength(JSON.stringify(req.body)));
    }
    next();
  };
}

function contentTypeOf(req: FilterableRequest): string {
  const value = req.headers['content-type'];
  return (Array.isArray(value) ? value.join(',') : value ?? '').toLowerCase();
}

function substituteQuery(url: string, substitutions: readonly Substitution[]): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  let changed = false;
  for (const [name, value] of [...params]) {
    const hit = substitutions.find((s) => s.placeholder === value);
    if (hit !== undefined) {
      params.set(name, hit.value);
      changed = true;
    }
  }
  return changed ? `${url.slice(0, q)}?${params.toString()}` : url;
}

function substituteText(text: string, substitutions: readonly Substitution[], escape: (s: string) => string): string {
  let out = text;
  for (const s of substitutions) out = out.split(s.placeholder).join(escape(s.value));
  return out;
}

function substituteJson(value: unknown, substitutions: readonly Substitution[]): unknown {
  if (typeof value === 'string') return substituteText(value, substitutions, (s) => s);
  if (Array.isArray(value)) return value.map((v) => substituteJson(v, substitutions));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteJson(v, substitutions)]));
  return value;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function jsonEscape(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}
