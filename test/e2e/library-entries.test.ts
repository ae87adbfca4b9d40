import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedTarball } from '../helpers/packed-tarball.ts';
import { repoPath } from '../helpers/paths.ts';

const run = promisify(execFile);

/**
 * A consumer's script, as README "In your tests: msw handlers" shows it: the consumer's own msw `setupServer`
 * with the handlers of `invoice-update-conformance/msw`, one conforming and one wrong request, and the library.
 */
const CONSUMER_SCRIPT = `
import { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { loadContracts, SuiteError } from 'invoice-update-conformance';
import { vendorHandlers } from 'invoice-update-conformance/msw';

const mocks = await vendorHandlers({ vendors: ['crmcom'] });
const server = setupServer(...mocks.handlers);
server.listen({ onUnhandledRequest: 'error' });
const update = (body) => fetch(mocks.baseUrls['crmcom/invoices_update'] + '/crmapi/rest/v2/invoices/update', {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
});
const good = await (await update({ token: 'sim-token', invoice_identifier: { reference_number: '1013' }, notes: 'hi' })).json();
mocks.assertConformant();
await update({ token: 'sim-token', invoice_identifier: { reference_number: 1013 } });
let refusal = '';
try { mocks.assertConformant(); } catch (error) { refusal = error.message; }
server.close();
const contracts = await loadContracts();
console.log(JSON.stringify({
  sameMsw: mocks.handlers.every((h) => h instanceof RequestHandler),
  goodCode: good.status.code,
  refusal,
  contracts: contracts.map((c) => c.id).sort(),
  suiteError: typeof SuiteError,
}));
`;

/** A module hook that writes every URL the process resolves to TRACE_FILE: which files the entries loaded. */
const TRACE_HOOKS = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.TRACE_FILE, result.url + '\\n');
  return result;
}
`;

interface Outcome {
  readonly sameMsw: boolean;
  readonly goodCode: string;
  readonly refusal: string;
  readonly contracts: readonly string[];
  readonly suiteError: string;
}

/**
 * The consumer project: node_modules/invoice-update-conformance is the packed tarball extracted as npm does
 * (every file gets the extraction's mtime: tar -m), and the other packages are this repository's, linked.
 */
async function makeConsumer(work: string): Promise<string> {
  // The run's one `npm pack` (test/helpers/packed-tarball.ts), shared with the package-install test.
  const tarball = await packedTarball();
  const consumer = join(work, 'consumer');
  const installed = join(consumer, 'node_modules', 'invoice-update-conformance');
  await mkdir(installed, { recursive: true });
  await run('tar', ['-xzmf', tarball, '-C', installed, '--strip-components=1']);
  for (const name of await readdir(repoPath('node_modules'))) if (!name.startsWith('.')) await symlink(repoPath('node_modules', name), join(consumer, 'node_modules', name));
  await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module' }));
  await writeFile(join(consumer, 'vendors.mjs'), CONSUMER_SCRIPT);
  await writeFile(join(work, 'trace-hooks.mjs'), TRACE_HOOKS);
  await writeFile(join(work, 'trace.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(work, 'trace-hooks.mjs')).href)});\n`);
  return consumer;
}

/** Run the consumer's script with the trace hook; its outcome and every URL the process resolved. */
async function runConsumer(work: string, consumer: string, env: NodeJS.ProcessEnv = {}): Promise<{ outcome: Outcome; loaded: string[] }> {
  const { stdout, loaded } = await traced(work, consumer, ['vendors.mjs'], env);
  return { outcome: JSON.parse(stdout.trim().split('\n').pop() ?? '') as Outcome, loaded };
}

/** Run `node <args>` in the consumer project with the trace hook: its stdout and every URL the process resolved. */
async function traced(work: string, consumer: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; loaded: string[] }> {
  const traceFile = join(work, `trace-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  await writeFile(traceFile, '');
  const { stdout } = await run(process.execPath, ['--import', pathToFileURL(join(work, 'trace.mjs')).href, ...args], {
    cwd: consumer,
    env: { ...process.env, CONFORMANCE_FROM_SOURCE: '', NO_COLOR: '1', ...env, TRACE_FILE: traceFile },
    timeout: 60_000,
  });
  return { stdout, loaded: (await readFile(traceFile, 'utf8')).split('\n').filter((l) => l !== '') };
}

const CONTRACTS = ['centra/invoices_Update', 'crmcom/invoices_update', 'ebizcharge/UpdateInvoice', 'invoicexpress/invoices.update', 'opsplanning/UpdateInvoicePaymentStatus'];

describe('the library entries of the packed package, imported by a consumer', () => {
  let work: string;
  let consumer: string;
  let installed: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'conformance-lib-'));
    consumer = await makeConsumer(work);
    installed = join(consumer, 'node_modules', 'invoice-update-conformance');
  }, 120_000);

  afterAll(() => rm(work, { recursive: true, force: true }));

  function expectWorking(outcome: Outcome): void {
    expect(outcome.sameMsw).toBe(true);
    expect(outcome.goodCode).toBe('OK');
    expect(outcome.refusal).toMatch(/reference_number must be string/);
    expect(outcome.contracts).toEqual(expect.arrayContaining(CONTRACTS));
    expect(outcome.suiteError).toBe('function');
  }

  it("runs the shipped bundle, without tsx, and its handlers work in the consumer's own setupServer", async () => {
    const { outcome, loaded } = await runConsumer(work, consumer);
    expectWorking(outcome);
    expect(loaded).toEqual(expect.arrayContaining([pathToFileURL(join(installed, 'dist/lib/index.mjs')).href, pathToFileURL(join(installed, 'dist/lib/msw.mjs')).href]));
    expect(loaded.filter((u) => u.includes('/node_modules/tsx/'))).toEqual([]);
    expect(loaded.filter((u) => /\.ts(\?|$)/.test(u))).toEqual([]);
  });

  it('falls back to the TypeScript sources through tsx when a source is edited, and runs the edit; the bundle again once it is undone', async () => {
    const file = join(installed, 'src/msw/format-violations.ts');
    const original = await readFile(file, 'utf8');
    expect(original).toContain('did not conform to their contracts');
    await writeFile(file, original.replace('did not conform to their contracts', 'did not conform (edited) to their contracts'));
    const edited = await runConsumer(work, consumer);
    expectWorking(edited.outcome);
    expect(edited.outcome.refusal).toContain('did not conform (edited) to their contracts');
    expect(edited.loaded.some((u) => u.includes('/node_modules/tsx/'))).toBe(true);
    expect(edited.loaded.some((u) => u.includes('/dist/lib/'))).toBe(false);

    // The same bytes again (a newer mtime than the build): the content is what the bundle was built from.
    await writeFile(file, original);
    const undone = await runConsumer(work, consumer);
    expect(undone.outcome.refusal).not.toContain('(edited)');
    expect(undone.loaded.some((u) => u.includes('/node_modules/tsx/'))).toBe(false);
  });

  it("runs the installed bin from its bundle too, though npm gave every file the install's mtime (it ran the sources through tsx before)", async () => {
    const bin = join(installed, 'src/cli/bin.js');
    const version = await traced(work, consumer, [bin, '--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(version.loaded).toContain(pathToFileURL(join(installed, 'dist/cli/main.mjs')).href);
    const offline = await traced(work, consumer, [bin, 'run', '--vendor', 'centra']);
    expect(offline.stdout).toMatch(/\d+ passed, 0 failed/);
    expect(offline.loaded).toContain(pathToFileURL(join(installed, 'dist/cli/program.mjs')).href);
    for (const { loaded } of [version, offline]) expect(loaded.filter((u) => u.includes('/node_modules/tsx/') || /\.ts(\?|$)/.test(u))).toEqual([]);
  });

  it('runs the sources when CONFORMANCE_FROM_SOURCE=1', async () => {
    const { outcome, loaded } = await runConsumer(work, consumer, { CONFORMANCE_FROM_SOURCE: '1' });
    expectWorking(outcome);
    expect(loaded.some((u) => u.includes('/node_modules/tsx/'))).toBe(true);
    expect(loaded.some((u) => u.includes('/dist/lib/'))).toBe(false);
  });
});
