import type { Contract, FieldSpec } from '../types/contract.ts';

/** Where a secret travels: a data path into the decoded body or SOAP header, or a query parameter. */
export type SecretPlace =
  | { readonly in: 'body' | 'header'; readonly path: readonly string[]; readonly credential: string }
  | { readonly in: 'query'; readonly name: string; readonly credential: string };

/** Every place a secret credential of the contract is sent. */
export function secretPlaces(contract: Contract): SecretPlace[] {
  const isSecret = (name: string | undefined): name is string => name !== undefined && contract.credentials[name]?.secret === true;
  const walk = (fields: readonly FieldSpec[], where: 'body' | 'header', prefix: readonly string[]): SecretPlace[] =>
    fields.flatMap((f) => (isSecret(f.credential) ? [{ in: where, path: [...prefix, f.name], credential: f.credential }] : walk(f.fields ?? [], where, [...prefix, f.name])));
  return [
    ...walk(contract.request.fields, 'body', []),
    ...walk(contract.request.header ?? [], 'header', []),
    ...(contract.transport.query ?? []).flatMap((q): SecretPlace[] => (isSecret(q.credential) ? [{ in: 'query', name: q.name, credential: q.credential }] : [])),
  ];
}

/** A place as recordings list it in `_redactions`: `body:/login/password`, `query:api_key`. */
export function describePlace(place: SecretPlace): string {
  return place.in === 'query' ? `query:${place.name}` : `${place.in}:/${place.path.join('/')}`;
}
