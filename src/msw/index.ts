/**
 * `invoice-update-conformance/msw`: msw handlers that answer as the vendor simulators do and check
 * every request against its contract. A versioned surface (see README, "In your tests: msw handlers").
 */
export { vendorHandlers } from './vendor-handlers.ts';
export type { VendorMocks } from './vendor-handlers.ts';
export type { OnViolation, VendorHandlersOptions } from './msw-options.ts';
export { ConformanceViolationError, formatViolations } from './format-violations.ts';
export type { ReceivedRequest } from '../runner/received/request-log.ts';
