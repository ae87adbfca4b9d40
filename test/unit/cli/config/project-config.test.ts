import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProjectPaths } from '../../../../src/cli/config/project-config.ts';

const SHIPPED = { contracts: '/pkg/contracts', recordings: '/pkg/recordings' };
const project = async (files: Record<string, string>): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'conformance-config-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
};

describe('resolveProjectPaths', () => {
  it('falls back to the shipped contracts and recordings, and ./out, in a project without them', async () => {
    const dir = await project({ 'package.json': '{"name":"x"}' });
    expect(resolveProjectPaths(dir, SHIPPED)).toEqual({ contracts: SHIPPED.contracts, recordings: SHIPPED.recordings, out: join(dir, 'out') });
  });

  it("uses the project's own contracts/ and recordings/ folders when they exist", async () => {
    const dir = await project({ 'contracts/a.yaml': 'x', 'recordings/r.har': '{}' });
    expect(resolveProjectPaths(dir, SHIPPED)).toMatchObject({ contracts: join(dir, 'contracts'), recordings: join(dir, 'recordings') });
  });

  it('reads conformance.config.yaml, with paths relative to the file, from a subfolder', async () => {
    const dir = await project({ 'conformance.config.yaml': 'contracts: spec/contracts\nout: build/conformance\n', 'src/x.txt': '' });
    const paths = resolveProjectPaths(join(dir, 'src'), SHIPPED);
    expect(paths).toMatchObject({ contracts: join(dir, 'spec/contracts'), recordings: SHIPPED.recordings, out: join(dir, 'build/conformance'), configFile: join(dir, 'conformance.config.yaml') });
  });

  it('reads the conformance key of package.json', async () => {
    const dir = await project({ 'package.json': '{"name":"x","conformance":{"recordings":"fixtures/har"}}' });
    expect(resolveProjectPaths(dir, SHIPPED).recordings).toBe(join(dir, 'fixtures/har'));
  });

  it('reports a config of the wrong shape as a problem naming the file, never throwing', async () => {
    const dir = await project({ 'conformance.config.json': '{"contract":"typo"}' });
    expect(resolveProjectPaths(dir, SHIPPED).problem).toMatch(/conformance\.config\.json: the conformance config must be .*additional/);
    const broken = await project({ 'conformance.config.json': '{not json' });
    expect(resolveProjectPaths(broken, SHIPPED).problem).toMatch(/Cannot read the conformance config/);
  });
});
