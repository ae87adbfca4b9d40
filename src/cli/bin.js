#!/usr/bin/env node
// Plain-JS entry so the bin starts from any directory: tsx is registered from this file's
// location (not the caller's cwd), then the TypeScript composition root is imported.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
