// Plain-JS entry of the verifier child process: registers tsx from this file's location (as
// src/cli/bin.js does), then runs the TypeScript child.
import { register } from 'tsx/esm/api';

register();
await import('./verify-child.ts');
