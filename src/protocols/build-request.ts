import type { Contract, ParamSpec } from '../types/contract.ts';
import type { HttpRequest } from '../model/http.ts';
import { violation, type Violation } from '../model/violation.ts';
import { mapFields, type MappingContext } from '../mapping/map-fields.ts';
import { resolvePath } from '../mapping/resolve-path.ts';
import { protocolFor } from './index.ts';
import { forbiddenCharViolations, refusedChar, replaceRefusedChars, withoutRefusedChars, forbiddenCharViolation, type CharPolicy } from './shared/forbidden-chars.ts';

/** Where the request goes and with which credentials. */
export interface BuildOptions extends MappingContext {
  readonly baseUrl: string;
}

/** The HTTP request a canonical update becomes, with every required value the input lacked. */
export interface BuiltRequest {
  readonly request: HttpRequest;
  readonly violations: readonly Violation[];
}

/** Build the HTTP request for a canonical update: URL, headers, SOAPAction and serialized body. */
export function buildRequest(contract: Contract, input: unknown, options: BuildOptions): BuiltRequest {
  const header = contract.request.header === undefined ? undefined : mapFields(contract.request.header, input, options, '/Header');
  const body = mapFields(contract.request.fields, input, options);
  const url = buildUrl(contract, input, options);
  // A character the wire format cannot carry is refused by name, and replaced so the body stays well-formed.
  const policy: CharPolicy = contract.protocol === 'json' ? 'unicode' : 'xml';
  const charViolations = [...forbiddenCharViolations(header?.value, policy, '/Header'), ...forbiddenCharViolations(body.value, policy)];
  const payload = header === undefined ? { body: withoutRefusedChars(body.value, policy) } : { header: withoutRefusedChars(header.value, policy), body: withoutRefusedChars(body.value, policy) };
  const headers: Record<string, string> = { 'content-type': contract.transport.contentType };
  if (contract.transport.soapAction !== undefined) headers['soapaction'] = contract.transport.soapAction;
  for (const [name, value] of Object.entries(contract.transport.headers ?? {})) headers[name.toLowerCase()] = value;
  return {
    request: { method: contract.transport.method, url: url.url, headers, body: protocolFor(contract.protocol).serialize(contract, payload) },
    violations: [...url.violations, ...(header?.violations ?? []), ...body.violations, ...charViolations],
  };
}

function buildUrl(contract: Contract, input: unknown, options: BuildOptions): { url: string; violations: Violation[] } {
  const violations: Violation[] = [];
  let path = contract.transport.path;
  for (const param of contract.transport.pathParams ?? []) {
    const value = wellFormed(paramValue(param, input, options) ?? '', `/path/${param.name}`, violations);
    if (value === '') violations.push(missingParam(param, 'path'));
    path = path.replace(`{${param.name}}`, encodeURIComponent(value));
  }
  const url = new URL(path, options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  if (!contract.transport.path.startsWith('//')) url.pathname = new URL(options.baseUrl).pathname.replace(/\/$/, '') + path;
  for (const param of contract.transport.query ?? []) {
    const raw = paramValue(param, input, options);
    const value = raw === undefined ? undefined : wellFormed(raw, `/query/${param.name}`, violations);
    if (value !== undefined) url.searchParams.set(param.name, value);
    else if (param.required === true) violations.push(missingParam(param, 'query'));
  }
  return { url: url.toString(), violations };
}

/** A URL cannot carry an unpaired surrogate (`encodeURIComponent` throws): name it, and send U+FFFD instead. */
function wellFormed(value: string, path: string, violations: Violation[]): string {
  const bad = refusedChar(value, 'unicode');
  if (bad === undefined) return value;
  violations.push(forbiddenCharViolation(path, bad.codePoint, bad.index, 'unicode'));
  return replaceRefusedChars(value, 'unicode');
}

function paramValue(param: ParamSpec, input: unknown, options: BuildOptions): string | undefined {
  if (param.credential !== undefined) return options.credentials[param.credential];
  if (param.value !== undefined) return param.value;
  if (param.from === undefined) return undefined;
  const v = resolvePath(input, param.from);
  return v === undefined || v === null ? undefined : String(v);
}

function missingParam(param: ParamSpec, where: 'path' | 'query'): Violation {
  const fix = param.from === undefined ? '' : ` Fix: set "${param.from}" in the input.`;
  return violation('required', `/${where}/${param.name}`, `Received: no value / Documented: ${where} parameter ${param.name} is required.${fix}`, { field: param.name });
}
