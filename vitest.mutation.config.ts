import { defineConfig } from 'vitest/config';

/** The tests Stryker runs against each mutant of src/codec/ and src/protocols/: unit tests only, no CLI subprocesses. */
export default defineConfig({
  test: {
    include: ['test/unit/codec/**/*.test.ts', 'test/unit/protocols/**/*.test.ts', 'test/unit/suites/**/*.test.ts', 'test/unit/targets/http-client-charset.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
