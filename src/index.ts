/**
 * The library surface of invoice-update-conformance (versioned; see README "Installing into your project").
 * Minimal on this branch: helper "check" owns the full API (loadContracts, checkExchange, ...).
 */
export { classifyResponse } from './protocols/classify-response.ts';
export type { ParsedResponse } from './protocols/classify-response.ts';
export { buildRequest } from './protocols/build-request.ts';
export type { BuiltRequest, BuildOptions } from './protocols/build-request.ts';
