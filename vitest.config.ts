import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // e2e tests start the real CLI as a subprocess; give them room on a 2-core machine.
    testTimeout: 30_000,
    // forks, not threads: the Pact FFI is a native addon, and in-process commands (test/helpers/run-command.ts)
    // set this process's environment while they run.
    pool: 'forks',
    // One worker per core (vitest's default leaves one core idle): most of the wall time is CPU-bound.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Unit tests share their worker's module graph instead of re-importing it for every file: the
          // imports were most of their time. A unit test file must leave no server, interceptor or
          // environment change behind (close in afterAll), as it would in one process.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // In-process commands (test/helpers/run-command.ts) load the CLI's modules once per worker, not once per
          // file; every e2e file closes the servers it starts and changes the environment only through runCommand.
          isolate: false,
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
