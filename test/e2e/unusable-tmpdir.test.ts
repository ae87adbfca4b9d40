import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

// The caches live under TMPDIR (src/contract/private-store.ts, src/cli/tune-v8.js). Where no folder can be
// made there, a command runs without them. Under /proc, Node's recursive mkdirSync never returns (the
// process spun at full CPU), so this runs the bin as a subprocess that is killed if it hangs.
// Both cases at once (runCli queues at one process per core): on a clean clone this small file starts last, and it was the run's tail.
describe.concurrent('a TMPDIR where no cache folder can be made', () => {
  it.each(['/proc', '/sys'])('TMPDIR=%s: run passes on the shipped recordings without its caches, exit 0', { timeout: 90_000 }, async (tmp) => {
    const result = await runCli(['run'], { timeoutMs: 60_000, env: { TMPDIR: tmp } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/\b\d+ passed, 0 failed\b/);
    expect(result.code).toBe(0);
  });
});
