import type { Contract, FieldSpec } from '../types/contract.ts';
import type { HttpResponse } from '../model/http.ts';
import { classifyResponse } from '../protocols/classify-response.ts';
import { valuesAt } from '../mapping/values-at.ts';

/**
 * Credentials the vendor issued in a response: the values at the fields its documented response
 * marks `secret: true` (CRM.COM's login answers a new token). They are redacted like the run's own
 * secrets, and the leak guard looks for them too.
 */
export function issuedSecrets(contract: Contract, response: HttpResponse): string[] {
  const parsed = classifyResponse(contract, response);
  const spec = contract.responses.find((r) => r.name === parsed.matched);
  if (spec === undefined) return [];
  return secretPaths(spec.fields ?? [], '')
    .flatMap((path) => valuesAt(parsed.data, path))
    .filter((v): v is string | number => (typeof v === 'string' && v !== '') || typeof v === 'number')
    .map(String);
}

function secretPaths(fields: readonly FieldSpec[], prefix: string): string[] {
  return fields.flatMap((f) => {
    const path = prefix === '' ? f.name : `${prefix}.${f.name}`;
    return f.secret === true ? [path] : secretPaths(f.fields ?? [], path);
  });
}
