import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startVerifierProcess } from '../../../src/pact/verifier-process.ts';
import type { VerifyJob } from '../../../src/pact/verify-job.ts';

const dir = mkdtempSync(join(tmpdir(), 'verifier-process-'));

/**
 * A stand-in for the verifier child that speaks its protocol (verify-job.ts): it takes `startMs` to load
 * (blocking, as loading the Pact FFI does), then for each job answers `started`, works `workMs`, writes the
 * job's boundary on stdout and stderr, and answers a verified outcome.
 */
function standInChild(name: string, startMs: number, workMs: number): string {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${startMs});
process.on('message', (request) => {
  process.send({ kind: 'started', index: request.index });
  setTimeout(() => {
    const line = request.marker + '\\n';
    process.stdout.write('verified ' + request.index + '\\n' + line, () => process.stderr.write(line, () =>
      process.send({ kind: 'outcome', index: request.index, outcome: { kind: 'verified', results: '{}', stateProblems: [] } })));
  }, ${workMs});
});
process.on('disconnect', () => process.exit(0));
`,
  );
  return file;
}

const JOB: VerifyJob = { pactFile: 'unused.json', providerBaseUrl: 'http://127.0.0.1:9', substitutions: [], stateSetup: false, timeoutMs: 1000 };

describe('a verifier child process', () => {
  it("counts a job's deadline from when the child takes it up, not from the child's start-up", async () => {
    const child = startVerifierProcess(standInChild('slow-start', 1500, 100));
    try {
      const run = await child.run(JOB, 1000);
      expect(run?.outcome).toEqual({ kind: 'verified', results: '{}', stateProblems: [] });
      expect(run?.log).toBe('verified 0\n');
    } finally {
      await child.close();
    }
  });

  it('still ends a job that runs past its deadline once taken up, naming the deadline', async () => {
    const child = startVerifierProcess(standInChild('slow-job', 0, 5000));
    try {
      const run = await child.run(JOB, 300);
      expect(run?.outcome).toEqual({ kind: 'crashed', message: 'the verifier did not finish within 300 ms', stateProblems: [] });
      expect(child.alive()).toBe(false);
    } finally {
      await child.close();
    }
  });
});
