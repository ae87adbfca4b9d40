import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledCodeId, loadProgram } from '../../../src/cli/cached-program.ts';
import { privateStore } from '../../../src/contract/private-store.ts';

/** A CommonJS program as the build writes one: `main` answers with `answer` and a value of an inner function. */
function programText(answer: string): string {
  return `function inner(n) { return n * 2; }\nexports.main = async (argv) => ${JSON.stringify(answer)} + inner(argv.length) + (typeof __filename);\n`;
}

describe('loadProgram (the CommonJS program run with its stored V8 code)', () => {
  let dir: string;
  let tmpBefore: string | undefined;
  let file: string;
  // Under the temporary TMPDIR below: a store of its own, as private as the real one.
  const store = privateStore('compiled-program', 'test', '.v8');
  const entries = async (): Promise<string[]> => (await readdir(store.dir())).filter((f) => f.endsWith('.v8'));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conformance-cached-program-'));
    tmpBefore = process.env['TMPDIR'];
    process.env['TMPDIR'] = dir;
    file = join(dir, 'program.cjs');
  });

  afterAll(async () => {
    if (tmpBefore === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = tmpBefore;
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the program from its source first, stores its compiled code once it ran, and runs from that code next', async () => {
    await writeFile(file, programText('a'));
    const first = loadProgram(file, ['run', 'x'], store);
    expect(first.fromStoredCode).toBe(false);
    expect(await first.program.main(['run', 'x'])).toBe('a4string');
    first.done();
    expect(await entries()).toHaveLength(1);
    const second = loadProgram(file, ['run', 'x'], store);
    expect(second.fromStoredCode).toBe(true);
    expect(await second.program.main(['run', 'x'])).toBe('a4string');
  });

  it('keeps one entry per command, so a --help entry does not serve run', async () => {
    await writeFile(file, programText('a'));
    expect(loadProgram(file, ['run'], store).fromStoredCode).toBe(true);
    expect(loadProgram(file, ['check'], store).fromStoredCode).toBe(false);
    expect(compiledCodeId(Buffer.from('x'), ['run'])).toMatch(/^[0-9a-f]{32}-run$/);
    expect(compiledCodeId(Buffer.from('x'), ['--reporter', 'json'])).toMatch(/-other$/);
    expect(compiledCodeId(Buffer.from('x'), ['../../etc'])).toMatch(/-other$/);
    expect(compiledCodeId(Buffer.from('x'), [])).toMatch(/-other$/);
  });

  it('does not use code stored for another content of the same length: it runs the new program', async () => {
    await writeFile(file, programText('b'));
    const changed = loadProgram(file, ['run', 'x'], store);
    expect(changed.fromStoredCode).toBe(false);
    expect(await changed.program.main(['run', 'x'])).toBe('b4string');
  });

  it('removes the entries of earlier builds of the same command once it stores a new one, and keeps other commands', async () => {
    await writeFile(file, programText('e1'));
    loadProgram(file, ['run'], store).done();
    loadProgram(file, ['check'], store).done();
    const earlierRun = compiledCodeId(await readFile(file), ['run']);
    await writeFile(file, programText('e2'));
    const rebuilt = loadProgram(file, ['run'], store);
    rebuilt.done();
    const ids = store.ids();
    expect(ids).not.toContain(earlierRun);
    expect(ids).toContain(compiledCodeId(await readFile(file), ['run']));
    expect(ids.filter((id) => id.endsWith('-run'))).toHaveLength(1);
    expect(ids.filter((id) => id.endsWith('-check'))).toHaveLength(1);
    expect(await entries()).toHaveLength(ids.length);
  });

  it('rejects a tampered entry (its HMAC fails), runs from the source, and stores the code again', async () => {
    await writeFile(file, programText('c'));
    loadProgram(file, ['run'], store).done();
    const id = compiledCodeId(await readFile(file), ['run']);
    const path = join(store.dir(), `test-${id}.v8`);
    const bytes = await readFile(path);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    await writeFile(path, bytes, { mode: 0o600 });
    expect(store.getBytes(id)).toBeUndefined();
    const tampered = loadProgram(file, ['run'], store);
    expect(tampered.fromStoredCode).toBe(false);
    expect(await tampered.program.main(['run'])).toBe('c2string');
    tampered.done();
    expect(loadProgram(file, ['run'], store).fromStoredCode).toBe(true);
  });

  it('replaces a signed entry that V8 refuses (not code of this V8), running from the source meanwhile', async () => {
    await writeFile(file, programText('d'));
    const id = compiledCodeId(await readFile(file), ['run']);
    store.setBytes(id, Buffer.from('not V8 code'));
    const refused = loadProgram(file, ['run'], store);
    expect(refused.fromStoredCode).toBe(false);
    expect(await refused.program.main(['run'])).toBe('d2string');
    refused.done();
    expect(store.getBytes(id)?.toString()).not.toBe('not V8 code');
    expect(loadProgram(file, ['run'], store).fromStoredCode).toBe(true);
  });
});
