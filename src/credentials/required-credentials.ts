import type { Contract, FieldSpec } from '../types/contract.ts';

/**
 * Names of the credentials a request cannot go without: those a required query or path parameter
 * carries, or a field that is required along with every object around it. The others (e.g.
 * EBizCharge's optional UserId/Password) are sent only when given.
 */
export function requiredCredentials(contract: Contract): string[] {
  const names = new Set<string>();
  const walk = (fields: readonly FieldSpec[]): void => {
    for (const f of fields) {
      if (f.required !== true) continue;
      if (f.credential !== undefined) names.add(f.credential);
      walk(f.fields ?? []);
    }
  };
  walk(contract.request.fields);
  walk(contract.request.header ?? []);
  for (const p of [...(contract.transport.query ?? []), ...(contract.transport.pathParams ?? [])]) {
    if (p.credential !== undefined && (p.required === true || (contract.transport.pathParams ?? []).includes(p))) names.add(p.credential);
  }
  return Object.keys(contract.credentials).filter((n) => names.has(n));
}
