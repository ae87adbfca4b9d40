import type { Contract, ResponseSpec, WhenSpec } from '../types/contract.ts';
import type { HttpResponse } from '../model/http.ts';
import type { Outcome } from '../model/outcome.ts';
import { hasErrors, violation, type Violation } from '../model/violation.ts';
import { valuesAt } from '../mapping/values-at.ts';
import type { VendorValue } from '../mapping/vendor-value.ts';
import { DEFAULT_XML_LIMITS } from '../codec/xml/parse-xml.ts';
import { protocolFor } from './index.ts';
import type { MessageBody } from './protocol.ts';
import { decodeGeneric, decodeXmlFields } from './shared/decode-xml-fields.ts';
import { fieldsToSchema } from './shared/fields-to-schema.ts';
import { validateSchema } from './shared/validate-schema.ts';

/** A response classified against its contract: the `parse` command prints exactly this shape. */
export interface ParsedResponse {
  readonly contract: string;
  readonly outcome: Outcome;
  /** True when the response matches a documented response and has no structural violation. */
  readonly conformant: boolean;
  readonly vendorCode: string | null;
  readonly message: string | null;
  readonly data: unknown;
  readonly violations: readonly Violation[];
  /** Name of the documented response it matched, or null. */
  readonly matched: string | null;
}

/** Classify a response into a normalized outcome, keeping the vendor's code and message. */
export function classifyResponse(contract: Contract, response: HttpResponse, message?: MessageBody): ParsedResponse {
  const body = message ?? protocolFor(contract.protocol).readMessage(response.body);
  for (const spec of contract.responses) {
    const decoded = decodeFor(contract, spec, response, body);
    if (decoded === undefined || !(spec.match.when ?? []).every((w) => holds(w, decoded.data))) continue;
    const violations = [...envelopeViolations(body), ...decoded.violations, ...schemaViolations(contract, spec, decoded.data)];
    return {
      contract: contract.id,
      outcome: spec.outcome,
      conformant: !hasErrors(violations),
      vendorCode: textAt(decoded.data, spec.code),
      message: textAt(decoded.data, spec.message),
      data: decoded.data,
      violations,
      matched: spec.name,
    };
  }
  return unknownOutcome(contract, response, body);
}

interface Decoded {
  readonly data: VendorValue;
  readonly violations: readonly Violation[];
}

function decodeFor(contract: Contract, spec: ResponseSpec, response: HttpResponse, body: MessageBody): Decoded | undefined {
  const m = spec.match;
  if (m.status !== undefined && !(typeof m.status === 'number' ? [m.status] : m.status).includes(response.status)) return undefined;
  const kind = m.body ?? (contract.protocol === 'json' ? 'json' : 'xml');
  if (kind === 'any') return { data: anyData(body), violations: anyBodyViolations(response, body) };
  if (kind !== body.kind) return undefined;
  if (body.kind === 'empty') return { data: null, violations: [] };
  if (body.kind === 'json') return { data: body.value as VendorValue, violations: [] };
  if (body.kind !== 'xml' || body.payload === undefined) return undefined;
  if ((m.fault ?? false) !== body.fault) return undefined;
  if (body.fault) return { data: decodeGeneric(body.payload), violations: [] };
  const ns = m.namespace ?? contract.namespace ?? '';
  if (m.element !== undefined && (body.payload.local !== m.element || body.payload.ns !== ns)) return undefined;
  if (spec.fields === undefined) return { data: decodeGeneric(body.payload), violations: [] };
  const decoded = decodeXmlFields(body.payload, spec.fields, ns, `/${body.payload.local}`);
  return { data: decoded.value, violations: decoded.violations };
}

/**
 * `body: any` accepts any content, never an unreadable one: a hostile or oversized body still
 * fails. A body the response itself declares as neither XML nor JSON (an HTML error page) is
 * taken as opaque text, bounded by the byte limit only.
 */
function anyBodyViolations(response: HttpResponse, body: MessageBody): readonly Violation[] {
  if (body.kind !== 'unreadable') return [];
  const type = (response.headers['content-type'] ?? '').toLowerCase();
  const opaque = type !== '' && !/xml|json/.test(type);
  const oversized = Buffer.byteLength(response.body, 'utf8') > DEFAULT_XML_LIMITS.maxBytes;
  return opaque && !oversized ? [] : [body.problem];
}

function anyData(body: MessageBody): VendorValue {
  if (body.kind === 'json') return body.value as VendorValue;
  if (body.kind === 'xml' && body.payload !== undefined) return decodeGeneric(body.payload);
  return null;
}

/** A condition holds when some value at its path satisfies every test in it (`present` looks at all). */
function holds(when: WhenSpec, data: VendorValue): boolean {
  const values = valuesAt(data, when.path);
  if (when.present !== undefined && values.length > 0 !== when.present) return false;
  const tests = [
    when.equals === undefined ? undefined : (v: unknown) => sameScalar(v, when.equals ?? null),
    when.in === undefined ? undefined : (v: unknown) => (when.in ?? []).some((x) => sameScalar(v, x)),
    when.matches === undefined ? undefined : (v: unknown) => typeof v !== 'object' && new RegExp(when.matches ?? '', 'u').test(String(v)),
  ].filter((t) => t !== undefined);
  return tests.length === 0 || values.some((v) => tests.every((t) => t(v)));
}

function sameScalar(value: unknown, expected: string | number | boolean | null): boolean {
  if (expected === null || value === null) return value === expected;
  return typeof value !== 'object' && value !== undefined && String(value) === String(expected);
}

function textAt(data: VendorValue, path: string | undefined): string | null {
  if (path === undefined) return null;
  const values = valuesAt(data, path).filter((v) => v !== null && v !== undefined);
  if (values.length === 0) return null;
  return values.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('; ');
}

function envelopeViolations(body: MessageBody): readonly Violation[] {
  return body.kind === 'xml' ? body.violations : [];
}

function schemaViolations(contract: Contract, spec: ResponseSpec, data: VendorValue): Violation[] {
  const fields = spec.fields;
  if (fields === undefined || typeof data !== 'object' || data === null) return [];
  return validateSchema(fields, () => fieldsToSchema(fields, protocolFor(contract.protocol).flavor), data);
}

function unknownOutcome(contract: Contract, response: HttpResponse, body: MessageBody): ParsedResponse {
  const violations: Violation[] = body.kind === 'unreadable' ? [body.problem] : [...envelopeViolations(body)];
  const documented = contract.responses.map((r) => `${r.name} (${describeMatch(contract, r)})`).join('; ');
  violations.push(violation('undocumented-response', '/', `Received: HTTP ${response.status} with ${describeBody(body)} / Documented: one of ${documented}.`));
  return { contract: contract.id, outcome: 'unknown', conformant: false, vendorCode: null, message: null, data: anyData(body), violations, matched: null };
}

function describeBody(body: MessageBody): string {
  switch (body.kind) {
    case 'xml':
      if (body.payload === undefined) return `<{${body.root.ns}}${body.root.local}>`;
      return body.fault ? 'a SOAP Fault' : `<{${body.payload.ns}}${body.payload.local}>`;
    case 'json':
      return 'a JSON body';
    case 'empty':
      return 'an empty body';
    case 'unreadable':
      return 'an unreadable body';
  }
}

function describeMatch(contract: Contract, r: ResponseSpec): string {
  const status = r.match.status === undefined ? 'any status' : `HTTP ${String(r.match.status)}`;
  if (r.match.fault === true) return `${status} SOAP Fault`;
  if (r.match.element === undefined) return `${status} ${r.match.body ?? (contract.protocol === 'json' ? 'json' : 'xml')}`;
  return `${status} <{${r.match.namespace ?? contract.namespace ?? ''}}${r.match.element}>`;
}
