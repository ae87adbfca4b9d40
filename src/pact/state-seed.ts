/**
 * The simulator seed (`POST /__simulator/state` body) a provider state's params stand for: the
 * invoice the case addresses when it exists (with its clients), else an empty store. Scripted
 * answers need no data: their request alone selects them.
 */
export function stateSeed(params: unknown): { invoices: unknown[]; clients: string[] } {
  const p = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
  const invoice = p['exists'] === true && typeof p['invoice'] === 'object' && p['invoice'] !== null ? [p['invoice']] : [];
  const clients = Array.isArray(p['clients']) ? p['clients'].filter((c): c is string => typeof c === 'string') : [];
  return { invoices: invoice, clients };
}
