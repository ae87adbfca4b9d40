// The package's `./msw` export: plain JS that loads src/msw/index.ts through tsx in its own namespace.
// Keep the names in step with src/msw/index.ts (test/unit/entry/entry-exports.test.ts checks it).
import { register } from 'tsx/esm/api';

const api = register({ namespace: 'invoice-update-conformance' });
const msw = await api.import('../msw/index.ts', import.meta.url);

export const vendorHandlers = msw.vendorHandlers;
export const ConformanceViolationError = msw.ConformanceViolationError;
export const formatViolations = msw.formatViolations;
