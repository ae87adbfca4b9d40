// Plain-JS entry of the verifier child process when it runs from the sources: registers tsx from this file's
// location (as src/cli/bin.js does), then runs the TypeScript child. With a fresh bundle, verifier-process.ts
// starts dist/cli/verify-child.cjs instead (see verifierChildEntry), which needs no tsx.
import { register } from 'tsx/esm/api';

register();
await import('./verify-child.ts');
