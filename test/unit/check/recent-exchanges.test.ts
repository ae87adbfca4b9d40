import { beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/types/contract.ts';
import type { Exchange } from '../../../src/model/http.ts';
import { violation } from '../../../src/model/violation.ts';
import { checkCapturedExchange } from '../../../src/check/check-exchange.ts';
import { readCapture } from '../../../src/check/read-capture.ts';
import { always, type CaseCheck } from '../../../suites/check.ts';
import { CHECKS } from '../../../suites/index.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

let ebiz: Contract;
let exchange: Exchange;

beforeAll(async () => {
  ebiz = (await loadValidContract(repoPath('contracts/ebizcharge/UpdateInvoice.yaml'))).contract;
  const capture = await readCapture(repoPath('test/fixtures/har/charles.har'));
  if (!capture.ok) throw new Error(capture.problem);
  const entry = capture.value.entries[0];
  if (entry === undefined) throw new Error('charles.har has no entry');
  exchange = entry.exchange;
});

const probe = (id: string, run: CaseCheck['run']): CaseCheck => ({ id, title: id, suite: 'request-building', scope: 'case', appliesTo: always, run });

/** The same EBizCharge request with a non-numeric InvoiceAmount (the contract's xs:decimal pattern refuses it). */
const wrongAmount = (e: Exchange): Exchange => ({ ...e, request: { ...e.request, body: e.request.body.replace('<ebiz:InvoiceAmount>2000.45</ebiz:InvoiceAmount>', '<ebiz:InvoiceAmount>lots</ebiz:InvoiceAmount>') } });

const errors = (r: Awaited<ReturnType<typeof checkCapturedExchange>>): string[] => r.violations.filter((v) => v.severity === 'error').map((v) => `${v.check} ${v.rule}`);

describe('checkCapturedExchange on repeated exchanges', () => {
  it('gives a repeated exchange the verdicts of its first check, under its own entry, case name and result ids', async () => {
    const first = await checkCapturedExchange(ebiz, wrongAmount(exchange), { checks: CHECKS, label: 'entry 1', entry: 'a.har#1', resultFile: 'a.har', reproduce: 'again 1' });
    const second = await checkCapturedExchange(ebiz, wrongAmount(exchange), { checks: CHECKS, label: 'entry 2', entry: 'a.har#2', resultFile: 'a.har', reproduce: 'again 2' });
    expect(errors(first)).toEqual(['request.schema pattern']);
    expect(errors(second)).toEqual(errors(first));
    expect(second.results.map((r) => [r.check, r.state])).toEqual(first.results.map((r) => [r.check, r.state]));
    const schema = second.results.find((r) => r.check === 'request.schema');
    expect(schema).toMatchObject({ id: `${ebiz.id}#entry 2#request.schema`, case: 'entry 2', entry: 'a.har#2', file: 'a.har', state: 'failed', reproduce: 'again 2' });
    expect(second.outcome).toEqual(first.outcome);
  });

  it('checks an exchange again when the request differs from a remembered one, however little', async () => {
    await checkCapturedExchange(ebiz, exchange, { checks: CHECKS });
    expect(errors(await checkCapturedExchange(ebiz, wrongAmount(exchange), { checks: CHECKS }))).toEqual(['request.schema pattern']);
    expect(errors(await checkCapturedExchange(ebiz, exchange, { checks: CHECKS }))).toEqual([]);
    const quoted = { ...exchange, request: { ...exchange.request, headers: { ...exchange.request.headers, soapaction: 'UpdateInvoice' } } };
    expect(errors(await checkCapturedExchange(ebiz, quoted, { checks: CHECKS }))).toEqual(['request.soap-action soapaction']);
  });

  it('checks an exchange again when the response, the vendor version or the captured bodies differ', async () => {
    const ok = await checkCapturedExchange(ebiz, exchange, { checks: CHECKS });
    const failed = await checkCapturedExchange(ebiz, { ...exchange, response: { ...exchange.response, status: 503, body: 'down' } }, { checks: CHECKS });
    expect(ok.outcome?.outcome).toBe('ok');
    expect(failed.outcome?.outcome).not.toBe('ok');
    const noResponse = await checkCapturedExchange(ebiz, exchange, { checks: CHECKS, responseCaptured: false });
    expect(noResponse.outcome).toBeUndefined();
    const versioned = probe('test.version', (ctx) => (ctx.vendorVersion === '2' ? [violation('version', '/', 'Received: version 2')] : []));
    const checks = [versioned];
    expect((await checkCapturedExchange(ebiz, exchange, { checks, vendorVersion: '1' })).conformant).toBe(true);
    expect((await checkCapturedExchange(ebiz, exchange, { checks, vendorVersion: '2' })).conformant).toBe(false);
  });

  it('reuses the findings of a check list for a repeated exchange (a probe that counts its runs runs once)', async () => {
    let runs = 0;
    const counted = probe('test.counted', () => {
      runs += 1;
      return [];
    });
    const checks = [counted];
    await checkCapturedExchange(ebiz, exchange, { checks, label: 'entry 1' });
    await checkCapturedExchange(ebiz, exchange, { checks, label: 'entry 2' });
    expect(runs).toBe(1);
    await checkCapturedExchange(ebiz, wrongAmount(exchange), { checks, label: 'entry 3' });
    expect(runs).toBe(2);
  });

  it('never reuses what a check found by reading the entry\'s own case name or recording', async () => {
    const byName = probe('test.by-name', (ctx) => [violation('named', '/', `Received: ${ctx.case.name}`)]);
    const byRecording = probe('test.by-recording', (ctx) => (ctx.recording.ok ? [violation('file', '/', `Received: ${ctx.recording.file}`)] : []));
    const checks = [byName, byRecording];
    const one = await checkCapturedExchange(ebiz, exchange, { checks, label: 'entry 1', file: 'a.har' });
    const two = await checkCapturedExchange(ebiz, exchange, { checks, label: 'entry 2', file: 'b.har' });
    expect(one.violations.map((v) => v.message)).toEqual(['Received: entry 1', 'Received: a.har']);
    expect(two.violations.map((v) => v.message)).toEqual(['Received: entry 2', 'Received: b.har']);
  });
});
