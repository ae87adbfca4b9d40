import { defineConfig } from 'vitest/config';

/**
 * The unit tests Stryker runs against each mutant (`npm run test:mutation`).
 * Limited to the tests of the mutated modules so that one mutant's run stays short;
 * `npm test` keeps using vitest.config.ts and never runs Stryker.
 */
export default defineConfig({
  test: {
    include: [
      'test/unit/codec/**/*.test.ts',
      'test/unit/protocols/**/*.test.ts',
      'test/unit/recording/**/*.test.ts',
      'test/unit/suites/**/*.test.ts',
      'test/unit/audit/**/*.test.ts',
      'test/unit/rules/**/*.test.ts',
    ],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
