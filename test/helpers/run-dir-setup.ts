import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder that lives for one vitest run, shared by its workers (see test/helpers/packed-tarball.ts). */
    runDir: string;
  }
}

/**
 * vitest global setup: makes a folder for the whole run, which every worker gets through `inject('runDir')`,
 * and removes it when the run ends. Nothing goes into it until a test asks (creating it costs nothing).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'conformance-run-'));
  project.provide('runDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
