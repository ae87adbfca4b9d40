import { beforeAll, describe, expect, it } from 'vitest';
import { base64RunsIn, MAX_DECODED_PER_TEXT, MAX_DECODED_RUN, MIN_BASE64_RUN } from '../../../src/recording/decoded-base64.ts';
import { holdBackFiles } from '../../../src/recording/hold-back-files.ts';
import { issuedSecrets } from '../../../src/recording/issued-secrets.ts';
import { redactingReporter, redactValue } from '../../../src/recording/redact-reporter.ts';
import type { Reporter } from '../../../src/types/reporter.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

const SECRET = 'Helper&<Secret>+/9';

describe('base64RunsIn', () => {
  it('finds runs of at least MIN_BASE64_RUN (11) characters and no shorter', () => {
    expect(MIN_BASE64_RUN).toBe(11);
    expect(base64RunsIn('x AAAAAAAAAA y')).toEqual([]);
    expect(base64RunsIn('x AAAAAAAAAAA y')).toEqual([{ index: 2, text: 'AAAAAAAAAAA', decoded: expect.any(Array), undecoded: false }]);
  });

  it('decodes a run from each of its first four characters, as UTF-8', () => {
    const run = Buffer.from('hello wörld!').toString('base64');
    const [found] = base64RunsIn(`id=${run};`);
    expect(found?.index).toBe(3);
    expect(found?.text).toBe(run);
    expect(found?.decoded).toHaveLength(4);
    expect(found?.decoded[0]).toBe('hello wörld!');
    expect(found?.decoded.slice(1).map((d) => Buffer.from(d).length > 0)).toEqual([true, true, true]);
    const shifted = Buffer.from('xyz').toString('base64').slice(0, 2) + run;
    expect(base64RunsIn(shifted)[0]?.decoded).toContain('hello wörld!');
    expect(base64RunsIn(`Q${run}`)[0]?.decoded[1]).toBe('hello wörld!');
    expect(base64RunsIn(`QQ${run}`)[0]?.decoded[2]).toBe('hello wörld!');
    expect(base64RunsIn(`QQQ${run}`)[0]?.decoded[3]).toBe('hello wörld!');
  });

  it('reads a run with up to two padding characters, and the URL-safe alphabet', () => {
    const padded = Buffer.from('secret-value1').toString('base64');
    expect(padded.endsWith('==')).toBe(true);
    expect(base64RunsIn(`"${padded}"`)[0]?.text).toBe(padded);
    const urlSafe = Buffer.from('??>>??>>??>>').toString('base64url');
    expect(urlSafe).toMatch(/[-_]/);
    expect(base64RunsIn(urlSafe)[0]?.decoded[0]).toBe('??>>??>>??>>');
  });

  it('reads runs whose + / = are URL-encoded or JSON-escaped, either hex case', () => {
    const run = Buffer.from('??>>??>>??>>x').toString('base64');
    expect(run).toMatch(/[+/].*=/);
    const forms = [
      run.replace(/\+/g, '%2B').replace(/\//g, '%2F').replace(/=/g, '%3D'),
      run.replace(/\+/g, '%2b').replace(/\//g, '%2f').replace(/=/g, '%3d'),
      run.replace(/\//g, '\\/').replace(/\+/g, '\\u002b').replace(/=/g, '\\u003d'),
      run.replace(/\//g, '\\u002F').replace(/\+/g, '\\u002B').replace(/=/g, '\\u003D'),
    ];
    for (const form of forms) {
      const [found] = base64RunsIn(` ${form} `);
      expect(found?.text).toBe(form);
      expect(found?.decoded[0]).toBe('??>>??>>??>>x');
    }
  });

  it('leaves a run longer than MAX_DECODED_RUN (64 KiB) undecoded, and decodes one of exactly that length', () => {
    expect(MAX_DECODED_RUN).toBe(65536);
    const exact = base64RunsIn('A'.repeat(MAX_DECODED_RUN));
    expect(exact.map((r) => [r.text.length, r.undecoded, r.decoded.length])).toEqual([[MAX_DECODED_RUN, false, 4]]);
    const over = base64RunsIn(`. ${'A'.repeat(MAX_DECODED_RUN + 1)}`);
    expect(over).toEqual([{ index: 2, text: 'A'.repeat(MAX_DECODED_RUN + 1), decoded: [], undecoded: true }]);
  });

  it('decodes at most MAX_DECODED_PER_TEXT (1 MiB) characters per text, then leaves the rest undecoded', () => {
    expect(MAX_DECODED_PER_TEXT).toBe(1024 * 1024);
    const runs = base64RunsIn(Array.from({ length: 17 }, () => 'A'.repeat(MAX_DECODED_RUN)).join(' '));
    expect(runs).toHaveLength(17);
    expect(runs.slice(0, 16).every((r) => !r.undecoded)).toBe(true);
    expect(runs[16]?.undecoded).toBe(true);
    // A short run after the budget is spent still fits if it is within what is left: here nothing is left.
    const tail = base64RunsIn(`${Array.from({ length: 16 }, () => 'A'.repeat(MAX_DECODED_RUN)).join(' ')} BBBBBBBBBBBB`);
    expect(tail[16]).toMatchObject({ text: 'BBBBBBBBBBBB', undecoded: true });
    const fits = base64RunsIn(`${'A'.repeat(MAX_DECODED_RUN)} BBBBBBBBBBBB`);
    expect(fits[1]).toMatchObject({ text: 'BBBBBBBBBBBB', undecoded: false });
  });
});

describe('holdBackFiles', () => {
  const har = (body: string): string => JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [] }, body });

  it('gives every secret a file leaks, in one reason joined by semicolons', () => {
    const other = 'Another-Secret-42';
    const held = holdBackFiles([{ path: 'two.har', text: har(`${SECRET} and ${Buffer.from(other).toString('base64')}`) }], [SECRET, other]);
    expect(held.get('two.har')).toBe(`leak guard: secret #1 (${SECRET.length} characters) found as is; secret #2 (${other.length} characters) found base64`);
  });

  it('gives the leak, not the HAR problem, for a file that both leaks and is not replayable', () => {
    const held = holdBackFiles([{ path: 'both.har', text: `{"log":{},"x":"${SECRET}"}` }], [SECRET]);
    expect(held.get('both.har')).toMatch(/^leak guard: secret #1 /);
  });

  it('holds back nothing when every file is clean and replayable', () => {
    expect(holdBackFiles([{ path: 'a.har', text: har('x') }, { path: 'b.har', text: har('y') }], [SECRET]).size).toBe(0);
  });
});

describe('issuedSecrets', () => {
  let login: Contract;
  beforeAll(async () => {
    login = (await loadValidContract(repoPath('contracts/crmcom/authentication_token.yaml'))).contract;
  });
  const answer = (data: unknown): { status: number; headers: Record<string, string>; body: string } => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: { code: 'OK', message: null, description: null }, data }) });

  it('takes a number at a secret field as its decimal text', () => {
    expect(issuedSecrets(login, answer({ token: 12345678901 }))).toEqual(['12345678901']);
  });

  it('takes nothing from an empty, null or structured value at a secret field', () => {
    expect(issuedSecrets(login, answer({ token: '' }))).toEqual([]);
    expect(issuedSecrets(login, answer({ token: null }))).toEqual([]);
    expect(issuedSecrets(login, answer({ token: { nested: 'x' } }))).toEqual([]);
  });

  it('takes nothing from an answer that matches no documented response', () => {
    expect(issuedSecrets(login, { status: 500, headers: {}, body: 'oops' })).toEqual([]);
  });

  it('takes nothing at a field not marked secret (status.code)', () => {
    const values = issuedSecrets(login, answer({ token: 'tok-ABCDEFGH' }));
    expect(values).toEqual(['tok-ABCDEFGH']);
  });
});

describe('redactingReporter', () => {
  it('exposes the name and only the hooks, each redacting its arguments, and not Object methods or the constructor', async () => {
    const seen: unknown[] = [];
    class Spy {
      readonly name = 'spy';
      readonly config = { verbose: true };
      onWarning(m: string): void {
        seen.push(this.name, m);
      }
    }
    const wrapped = redactingReporter(new Spy() as unknown as Reporter, [SECRET]);
    expect(Object.keys(wrapped).sort()).toEqual(['name', 'onWarning']);
    expect(wrapped.name).toBe('spy');
    await wrapped.onWarning?.(`echo ${SECRET}`);
    expect(seen).toEqual(['spy', 'echo [redacted]']);
  });

  it('returns what the hook returns, so the runner can await it', async () => {
    let done = false;
    const reporter: Reporter = { name: 'async', onRunEnd: async () => { await Promise.resolve(); done = true; } };
    const result = redactingReporter(reporter, [SECRET]).onRunEnd?.({} as never);
    expect(result).toBeInstanceOf(Promise);
    await result;
    expect(done).toBe(true);
  });
});

describe('redactValue', () => {
  it('redacts strings at any depth of objects and arrays, and keeps numbers, booleans and null', () => {
    const value = { a: [`x ${SECRET}`, 1, true, null, { b: SECRET }], c: 2.5, d: false, e: null };
    expect(redactValue(value, [SECRET])).toEqual({ a: ['x [redacted]', 1, true, null, { b: '[redacted]' }], c: 2.5, d: false, e: null });
    expect(value.a[0]).toBe(`x ${SECRET}`);
    expect(redactValue(SECRET, [SECRET])).toBe('[redacted]');
    expect(redactValue(7, [SECRET])).toBe(7);
  });
});
