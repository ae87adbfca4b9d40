import { requestIdentity } from '../../check/request-identity.ts';
import type { HttpRequest } from '../../model/http.ts';
import type { Contract } from '../../types/contract.ts';
import { matchRoute } from './route.ts';

/**
 * Among the simulators one vendor serves on one host, the one a request is for: the contract whose
 * method and path it matches; of several on one SOAP endpoint, the one whose SOAPAction it carries
 * (with or without quotes), else the one whose operation element it sends (a wrong SOAPAction is
 * then checked against the operation it was meant for); else the first that routes, else the first.
 * `path` is the request path below the base URL.
 */
export function pickSimulator<T extends { readonly contract: Contract }>(simulators: readonly [T, ...T[]], request: HttpRequest, path: string): T {
  const routed = simulators.filter((s) => matchRoute(s.contract.transport, request.method, path).ok);
  if (routed.length <= 1) return routed[0] ?? simulators[0];
  const action = unquote(request.headers['soapaction'] ?? '');
  const byAction = routed.find((s) => s.contract.transport.soapAction !== undefined && unquote(s.contract.transport.soapAction) === action);
  if (byAction !== undefined) return byAction;
  const operation = requestIdentity(request).operation?.local;
  return routed.find((s) => operation !== undefined && s.contract.request.element === operation) ?? routed[0] ?? simulators[0];
}

function unquote(value: string): string {
  const trimmed = value.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}
