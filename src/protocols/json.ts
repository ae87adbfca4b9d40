import { parseJson } from '../codec/json/parse-json.ts';
import type { Contract, FieldSpec } from '../types/contract.ts';
import { violation } from '../model/violation.ts';
import { isVendorObject, type VendorValue } from '../mapping/vendor-value.ts';
import type { DecodedRequest, MessageBody, Protocol, RequestPayload } from './protocol.ts';

/** JSON over HTTP: the body is the field tree as a JSON object, numbers and booleans native. */
export const json: Protocol = {
  name: 'json',
  flavor: 'json',
  serialize(contract: Contract, payload: RequestPayload): string {
    return JSON.stringify(toJson(contract.request.fields, payload.body), null, 2);
  },
  readMessage(body: string): MessageBody {
    if (body.trim() === '') return { kind: 'empty' };
    const parsed = parseJson(body);
    if (!parsed.ok) return { kind: 'unreadable', problem: violation(parsed.problem.rule, '/', parsed.problem.message) };
    return { kind: 'json', value: parsed.value };
  },
  decodeRequest(_contract: Contract, message: MessageBody): DecodedRequest {
    if (message.kind === 'json') return { body: message.value as VendorValue, violations: [] };
    if (message.kind === 'unreadable') return { body: null, violations: [message.problem] };
    return { body: null, violations: [violation('json-body', '/', `Received: ${message.kind === 'empty' ? 'an empty body' : 'XML'} / Documented: a JSON object.`)] };
  },
};

/** Give decimal and integer fields JSON numbers (the mapping keeps decimal strings exact until here). */
function toJson(fields: readonly FieldSpec[], value: VendorValue): VendorValue {
  if (!isVendorObject(value)) return value;
  const out: Record<string, VendorValue> = {};
  for (const [name, v] of Object.entries(value)) {
    const field = fields.find((f) => f.name === name);
    out[name] = field === undefined ? v : convert(field, v);
  }
  return out;
}

function convert(field: FieldSpec, value: VendorValue): VendorValue {
  if (Array.isArray(value)) return value.map((v) => convert(field, v as VendorValue));
  if (field.type === 'object') return toJson(field.fields ?? [], value);
  if ((field.type === 'decimal' || field.type === 'integer') && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return value;
}
