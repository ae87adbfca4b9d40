import { beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/types/contract.ts';
import type { Exchange } from '../../../src/model/http.ts';
import { violation } from '../../../src/model/violation.ts';
import { checkCapturedExchange } from '../../../src/check/check-exchange.ts';
import { always, type CaseCheck } from '../../../suites/check.ts';
import { CHECKS } from '../../../suites/index.ts';
import { ebizAndCharlesExchange } from '../../helpers/charles-exchange.ts';

let ebiz: Contract;
let exchange: Exchange;

beforeAll(async () => {
  ({ contract: ebiz, exchange } = await ebizAndCharlesExchange());
});

const probe = (id: string, run: CaseCheck['run']): CaseCheck => ({ id, title: id, suite: 'request-building', scope: 'case', appliesTo: always, run });

describe('checkCapturedExchange', () => {
  it('runs the shipped request and response checks on a conformant exchange and gives its outcome', async () => {
    const result = await checkCapturedExchange(ebiz, exchange, { checks: CHECKS });
    expect(result.conformant).toBe(true);
    expect(result.outcome).toEqual({ status: 200, outcome: 'ok', vendorCode: null, message: null });
    const ran = result.results.filter((r) => r.state !== 'skipped').map((r) => r.check);
    expect(ran).toEqual(expect.arrayContaining(['request.transport', 'request.soap-action', 'request.envelope', 'request.namespaces', 'request.schema', 'request.rules', 'response.readable', 'response.documented', 'response.schema']));
    expect(result.results.some((r) => r.suite === 'contract' || r.suite === 'scenarios')).toBe(false);
  });

  it('reports a check that needs a case input or a built request as not applicable, not failed', async () => {
    const needsBuilt = probe('test.needs-built', (ctx) => ctx.built.violations);
    const needsInput = probe('test.needs-input', (ctx) => (Object.keys(ctx.case.input).length > 0 ? [] : [violation('x', '/', 'no input')]));
    const needsOutcome = probe('test.needs-outcome', (ctx) => (ctx.case.expect.outcome === 'ok' ? [] : [violation('x', '/', 'not ok')]));
    const result = await checkCapturedExchange(ebiz, exchange, { checks: [needsBuilt, needsInput, needsOutcome] });
    expect(result.results.map((r) => [r.check, r.state, r.state === 'skipped' ? r.reason : ''])).toEqual([
      ['test.needs-built', 'skipped', 'not applicable to captured traffic: needs the request built from a case input'],
      ['test.needs-input', 'skipped', "not applicable to captured traffic: needs the case's canonical input"],
      ['test.needs-outcome', 'skipped', "not applicable to captured traffic: needs the case's expected outcome"],
    ]);
    expect(result.conformant).toBe(true);
  });

  it('runs a check added to the suites later on the recorded exchange, and fails the entry on its violations', async () => {
    const added = probe('request.added-later', (ctx) => (ctx.recorded?.request.headers['soapaction']?.startsWith('"') === true ? [violation('added', 'header soapaction', 'Received: a quoted SOAPAction')] : []));
    const result = await checkCapturedExchange(ebiz, exchange, { checks: [...CHECKS, added] });
    expect(result.conformant).toBe(false);
    expect(result.violations.filter((v) => v.severity === 'error').map((v) => `${v.check} ${v.rule}`)).toEqual(['request.added-later added']);
  });

  it('lets any other error of a check through: it is a bug, not a verdict', async () => {
    const broken = probe('test.broken', () => {
      throw new TypeError('boom');
    });
    await expect(checkCapturedExchange(ebiz, exchange, { checks: [broken] })).rejects.toThrow('boom');
  });

  it('does not run response checks on a response the capture did not keep', async () => {
    const result = await checkCapturedExchange(ebiz, exchange, { checks: CHECKS, responseCaptured: false });
    expect(result.outcome).toBeUndefined();
    expect(result.results.filter((r) => r.suite === 'response-parsing').every((r) => r.state === 'skipped' && r.reason.includes('no response body'))).toBe(true);
  });

  it('reports every violation of an entry, not only the first', async () => {
    const wrong = { ...exchange, request: { ...exchange.request, headers: { ...exchange.request.headers, soapaction: 'UpdateInvoice', 'content-type': 'application/xml' }, body: exchange.request.body.replace('<ebiz:InvoiceAmount>2000.45</ebiz:InvoiceAmount>', '<ebiz:InvoiceAmount>lots</ebiz:InvoiceAmount>') } };
    const result = await checkCapturedExchange(ebiz, wrong, { checks: CHECKS });
    expect(result.violations.filter((v) => v.severity === 'error').map((v) => `${v.check} ${v.rule}`)).toEqual(['request.transport content-type', 'request.soap-action soapaction', 'request.schema pattern']);
  });

  it('reads a SOAP 1.2 envelope as one violation: field and rule checks on the unread body are not applicable', async () => {
    const soap12 = { ...exchange, request: { ...exchange.request, body: exchange.request.body.replace('http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope') } };
    const result = await checkCapturedExchange(ebiz, soap12, { checks: CHECKS });
    expect(result.violations.filter((v) => v.severity === 'error').map((v) => `${v.check} ${v.rule}`)).toEqual(['request.envelope soap-envelope']);
    expect(result.results.find((r) => r.check === 'request.rules')).toMatchObject({ state: 'skipped' });
  });
});
