// @ts-check
import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';

const tempDirName = '.stryker-tmp';
// Tests read the team's vendor material at `../shared`, relative to the repository root. Stryker runs
// them in `.stryker-tmp/sandbox-*`, whose `../shared` is `.stryker-tmp/shared`: link it to the real one.
if (existsSync('../shared')) {
  mkdirSync(tempDirName, { recursive: true });
  if (!existsSync(`${tempDirName}/shared`) && !isLink(`${tempDirName}/shared`)) symlinkSync('../../shared', `${tempDirName}/shared`);
}

/** @param {string} path */
function isLink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Mutation testing of the engine's critical modules (issue 10, point 6): `npm run test:mutation`.
 * Runs the unit tests in vitest.mutation.config.ts against every mutant of the files below.
 * Incremental: results are kept in out/ (gitignored), so a rerun only tests changed mutants or tests.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/codec/**/*.ts',
    'src/protocols/**/*.ts',
    'src/recording/**/*.ts',
    'suites/request-building/**/*.ts',
    'suites/response-parsing/**/*.ts',
    'suites/audit/**/*.ts',
    // Barrel files only re-export names: nothing to mutate.
    '!**/index.ts',
  ],
  coverageAnalysis: 'perTest',
  // Most suites prepare contracts in `beforeAll`, so Stryker cannot tie that code to one test and treats its
  // mutants as "static": each would rerun every test (days on 2 cores). They are left out of the score;
  // the README says how many. `npx stryker run --ignoreStatic false` tests them too.
  ignoreStatic: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'out/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'out/mutation/index.html' },
  jsonReporter: { fileName: 'out/mutation/mutation.json' },
  // TypeScript 7 has no JS API, which Stryker's tsconfig rewriter needs; tsconfig.json has no `extends` or
  // `references` to rewrite, so point the rewriter at a file that does not exist and it skips itself.
  tsconfigFile: 'tsconfig.stryker-skip.json',
  tempDirName,
  cleanTempDir: 'always',
  timeoutMS: 10_000,
  thresholds: { high: 85, low: 70, break: null },
};
