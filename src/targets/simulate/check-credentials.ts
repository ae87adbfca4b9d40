import type { Contract, FieldSpec } from '../../types/contract.ts';
import { resolvePath } from '../../mapping/resolve-path.ts';
import type { VendorValue } from '../../mapping/vendor-value.ts';

/** Where a request carries its credentials, decoded. */
export interface CredentialCarriers {
  readonly body: VendorValue;
  readonly header: VendorValue | undefined;
  readonly query: URLSearchParams;
  readonly pathParams: Readonly<Record<string, string>>;
}

interface Place {
  readonly credential: string;
  readonly where: string;
  readonly required: boolean;
  read(c: CredentialCarriers): unknown;
}

/**
 * Why the request's credentials are refused, naming the place but never a value; undefined when
 * every credential the contract places in the request equals the expected one. A credential that
 * is optional (EBizCharge's UserId/Password) may be left out or empty, but not be wrong.
 */
export function credentialProblem(contract: Contract, carriers: CredentialCarriers, expected: Readonly<Record<string, string>>): string | undefined {
  for (const place of placesOf(contract)) {
    const value = place.read(carriers);
    const text = value === undefined || value === null ? '' : String(value);
    if (text === '' && !place.required) continue;
    if (text === '') return `no credential in ${place.where}`;
    if (text !== expected[place.credential]) return `the credential in ${place.where} is not accepted`;
  }
  return undefined;
}

function placesOf(contract: Contract): Place[] {
  const walk = (fields: readonly FieldSpec[], side: 'body' | 'header', prefix: readonly string[], required: boolean): Place[] =>
    fields.flatMap((f) => {
      const path = [...prefix, f.name];
      const req = required && f.required === true;
      if (f.credential === undefined) return walk(f.fields ?? [], side, path, req);
      return [{ credential: f.credential, where: `${side === 'header' ? 'Header/' : ''}${path.join('/')}`, required: req, read: (c: CredentialCarriers) => resolvePath(side === 'body' ? c.body : c.header, path.join('.')) }];
    });
  const t = contract.transport;
  return [
    ...walk(contract.request.header ?? [], 'header', [], true),
    ...walk(contract.request.fields, 'body', [], true),
    ...(t.query ?? []).flatMap((q): Place[] => (q.credential === undefined ? [] : [{ credential: q.credential, where: `query ${q.name}`, required: q.required === true, read: (c) => c.query.get(q.name) ?? undefined }])),
    ...(t.pathParams ?? []).flatMap((p): Place[] => (p.credential === undefined ? [] : [{ credential: p.credential, where: `path ${p.name}`, required: true, read: (c) => c.pathParams[p.name] }])),
  ];
}
