import { defineConfig } from 'vitest/config';

/**
 * The unit tests Stryker runs against each mutant (`npm run test:mutation`).
 * Limited to the tests of the mutated modules so that one mutant's run stays short;
 * `npm test` keeps using vitest.config.ts and never runs Stryker.
 */
const ALL = [
  'test/unit/codec/**/*.test.ts',
  'test/unit/protocols/**/*.test.ts',
  'test/unit/recording/**/*.test.ts',
  'test/unit/suites/**/*.test.ts',
  'test/unit/audit/**/*.test.ts',
  'test/unit/rules/**/*.test.ts',
];

// MUTATION_TESTS (comma-separated globs) narrows the tests for a run over one module, e.g.
// MUTATION_TESTS='test/unit/codec/**/*.test.ts' npx stryker run --mutate 'src/codec/**/*.ts'
const narrowed = process.env['MUTATION_TESTS']?.split(',').filter((glob) => glob !== '');

export default defineConfig({
  test: {
    include: narrowed !== undefined && narrowed.length > 0 ? narrowed : ALL,
    testTimeout: 30_000,
    pool: 'forks',
  },
});
