import { violation, type Violation } from '../../src/model/violation.ts';
import type { Contract } from '../../src/types/contract.ts';
import type { HttpRequest } from '../../src/model/http.ts';
import { always, type CaseCheck } from '../check.ts';
import { onRecorded } from './recorded.ts';
import { contentTypeViolations } from '../../src/protocols/transport-departures.ts';

/** Method, path template, content type and query credentials are as documented. */
export const transport: CaseCheck = {
  id: 'request.transport',
  title: 'Method, path, content type and query parameters are as documented',
  suite: 'request-building',
  scope: 'case',
  appliesTo: always,
  run: (ctx) => onRecorded(ctx, (r) => checkTransport(ctx.contract, r.request)),
};

function checkTransport(contract: Contract, request: HttpRequest): Violation[] {
  const t = contract.transport;
  const out: Violation[] = [];
  if (request.method.toUpperCase() !== t.method) out.push(violation('method', 'method', `Received: ${request.method} / Documented: ${t.method}.`));
  const url = new URL(request.url);
  if (!pathPattern(t.path).test(url.pathname)) out.push(violation('path', 'path', `Received: ${url.pathname} / Documented: ${t.path}.`));
  // A media type the vendor's stack reads as the documented one is a warning (InvoiceXpress: text/xml).
  out.push(...contentTypeViolations(contract, request.headers['content-type']));
  for (const q of t.query ?? []) {
    if (q.required === true && !url.searchParams.has(q.name)) out.push(violation('required', `query ${q.name}`, `Received: no ${q.name} query parameter / Documented: ${q.name} is required${q.description === undefined ? '' : ` (${q.description})`}.`));
  }
  return out;
}

function pathPattern(template: string): RegExp {
  const escaped = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]+')}$`);
}
