import type { Contract } from '../types/contract.ts';
import type { HttpRequest } from '../model/http.ts';
import type { Violation } from '../model/violation.ts';
import { protocolFor } from './index.ts';
import type { DecodedRequest } from './protocol.ts';
import { fieldsToSchema } from './shared/fields-to-schema.ts';
import { validateSchema } from './shared/validate-schema.ts';
import { acceptedFieldViolations } from './shared/accepted-fields.ts';

/** Parse a request body again: decoding violations plus field validation against the contract. */
export function checkBuiltRequest(contract: Contract, request: HttpRequest): Violation[] {
  const decoded = decodeBuiltRequest(contract, request);
  return [...decoded.violations, ...validateRequestFields(contract, decoded)];
}

/** Parse a request body back into data, the way the request checks see it. */
export function decodeBuiltRequest(contract: Contract, request: HttpRequest): DecodedRequest {
  const protocol = protocolFor(contract.protocol);
  return protocol.decodeRequest(contract, protocol.readMessage(request.body));
}

/** Validate decoded request data (body and SOAP header) against the contract's field trees with ajv. */
export function validateRequestFields(contract: Contract, decoded: DecodedRequest): Violation[] {
  const flavor = protocolFor(contract.protocol).flavor;
  const { fields, header } = contract.request;
  const out: Violation[] = [];
  if (decoded.body !== null) out.push(...validateSchema(fields, () => fieldsToSchema(fields, flavor), decoded.body), ...acceptedFieldViolations(fields, decoded.body));
  if (header !== undefined) out.push(...validateSchema(header, () => fieldsToSchema(header, flavor), decoded.header ?? {}, '/Header'));
  return out;
}
