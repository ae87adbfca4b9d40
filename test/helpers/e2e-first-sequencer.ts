import { relative, sep } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Where the files that start CLI subprocesses, servers and installs live: they take seconds each. */
const E2E = `${sep}test${sep}e2e${sep}`;

/**
 * vitest's order (longest first by the durations of the last run), except on a run with no durations for
 * some files, as on a clean clone: there vitest starts the largest files first, and a small e2e file that
 * runs for seconds (test/e2e/unusable-tmpdir.test.ts, 14 lines) started last, with the other worker idle
 * until it ended. Then the e2e files start first, each group (e2e, the rest) in vitest's order, so the
 * hundreds of sub-second unit files fill the end of the run. Projects keep vitest's order.
 */
export class E2eFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const unknown = sorted.some((f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(root, f.moduleId)}`) === undefined);
    if (!unknown) return sorted;
    const projects = [...new Set(sorted.map((f) => f.project.name))];
    const rank = (f: TestSpecification): number => projects.indexOf(f.project.name) * 2 + (f.moduleId.includes(E2E) ? 0 : 1);
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}
