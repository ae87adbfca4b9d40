// The package's `.` export for consumers: plain JS, so it loads on Node 20.12+, 22 and 24 without a
// TypeScript loader of their own. It runs the prebuilt bundle (dist/lib/index.mjs) when it is fresh, else
// src/index.ts through tsx in its own namespace (see load-entry.js).
// Keep the names in step with src/index.ts (test/unit/entry/entry-exports.test.ts checks it).
import { loadEntry } from './load-entry.js';

const lib = await loadEntry('index.mjs', '../index.ts');

export const loadContracts = lib.loadContracts;
export const checkExchange = lib.checkExchange;
export const classifyResponse = lib.classifyResponse;
export const buildRequest = lib.buildRequest;
export const SuiteError = lib.SuiteError;
