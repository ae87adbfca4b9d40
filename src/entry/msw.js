// The package's `./msw` export: plain JS that runs the prebuilt bundle (dist/lib/msw.mjs) when it is fresh,
// else src/msw/index.ts through tsx in its own namespace (see load-entry.js). msw itself is never bundled:
// the handlers come from the consumer's msw, the instance their setupServer is.
// Keep the names in step with src/msw/index.ts (test/unit/entry/entry-exports.test.ts checks it).
import { loadEntry } from './load-entry.js';

const msw = await loadEntry('msw.mjs', '../msw/index.ts');

export const vendorHandlers = msw.vendorHandlers;
export const ConformanceViolationError = msw.ConformanceViolationError;
export const formatViolations = msw.formatViolations;
