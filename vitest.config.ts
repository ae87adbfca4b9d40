import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { E2eFirstSequencer } from './test/helpers/e2e-first-sequencer.ts';

export default defineConfig({
  test: {
    // e2e tests start the real CLI as a subprocess; give them room on a 2-core machine.
    testTimeout: 30_000,
    // forks, not threads: the Pact FFI is a native addon, and in-process commands (test/helpers/run-command.ts)
    // set this process's environment while they run.
    pool: 'forks',
    // One worker per core (vitest's default leaves one core idle): most of the wall time is CPU-bound.
    maxWorkers: availableParallelism(),
    // Transformed modules are kept on disk (node_modules/.experimental-vitest-cache, keyed by content)
    // between runs: on test/unit, 27.9-29.4 s of CPU without, 24.6-24.7 s with a warm cache. A clean
    // clone's first run transforms everything, as without it.
    experimental: { fsModuleCache: true },
    // Without durations of a last run (a clean clone), the e2e files start first: see the sequencer.
    sequence: { sequencer: E2eFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          // Unit and e2e files in one project: one module graph, transformed once per run and imported
          // once per worker, instead of once per project (about a sixth of the CPU of a run of both).
          name: 'unit-e2e',
          include: ['test/unit/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          // Test files share their worker's module graph instead of re-importing it for every file: the
          // imports were most of the unit tests' time. A test file must leave no server, interceptor or
          // environment change behind (close in afterAll), as it would in one process; in-process
          // commands (test/helpers/run-command.ts) change the environment only while they run.
          isolate: false,
          // A folder for the whole run (`inject('runDir')`): the library-entries and package-install tests share
          // one `npm pack` there (test/helpers/packed-tarball.ts) instead of packing once each.
          globalSetup: ['./test/helpers/run-dir-setup.ts'],
        },
      },
      {
        extends: true,
        // The fuzz test bounds the heap per body: it runs in a fresh worker, so other files' heap does not count.
        test: { name: 'fuzz', include: ['test/fuzz/**/*.test.ts'] },
      },
    ],
  },
});
