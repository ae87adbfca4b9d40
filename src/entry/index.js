// The package's `.` export for consumers: plain JS, so it loads on Node 20.12+, 22 and 24 without a
// TypeScript loader of their own. tsx is registered in its own namespace (only our modules go through
// it, the consumer's process is left alone), then the TypeScript entry is imported.
// Keep the names in step with src/index.ts (test/unit/entry/entry-exports.test.ts checks it).
import { register } from 'tsx/esm/api';

const api = register({ namespace: 'invoice-update-conformance' });
const lib = await api.import('../index.ts', import.meta.url);

export const loadContracts = lib.loadContracts;
export const checkExchange = lib.checkExchange;
export const classifyResponse = lib.classifyResponse;
export const buildRequest = lib.buildRequest;
export const SuiteError = lib.SuiteError;
