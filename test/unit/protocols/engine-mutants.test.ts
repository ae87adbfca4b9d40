import { beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { checkBuiltRequest } from '../../../src/protocols/check-built-request.ts';
import { classifyResponse } from '../../../src/protocols/classify-response.ts';
import { fieldsToSchema } from '../../../src/protocols/shared/fields-to-schema.ts';
import { validateSchema } from '../../../src/protocols/shared/validate-schema.ts';
import type { Contract, FieldSpec } from '../../../src/types/contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { exampleCredentials, loadValidContract } from '../../helpers/prepare-contract.ts';

describe('checks that a broken engine would no longer pass', () => {
  let ops: Contract;
  let ebiz: Contract;
  beforeAll(async () => {
    ops = (await loadValidContract(repoPath('contracts/opsplanning/UpdateInvoicePaymentStatus.yaml'))).contract;
    ebiz = (await loadValidContract(repoPath('contracts/ebizcharge/UpdateInvoice.yaml'))).contract;
  });

  it('validates the SOAP header: a request without the required header credential fails at /Header', () => {
    const c = ops.cases.find((x) => x.expect.outcome === 'ok');
    const built = buildRequest(ops, c?.input, { baseUrl: ops.transport.replayBaseUrl, credentials: exampleCredentials(ops) });
    expect(checkBuiltRequest(ops, built.request)).toEqual([]);
    const body = built.request.body.replace(/<(\w+:)?AccountName>[^<]*<\/(\w+:)?AccountName>/, '');
    expect(body).not.toBe(built.request.body);
    const violations = checkBuiltRequest(ops, { ...built.request, body });
    expect(violations).toContainEqual(expect.objectContaining({ rule: 'required', path: '/Header/OpsAuthenticationHeader/AccountName' }));
  });

  it('marks a matched response with a schema violation as not conformant', () => {
    const body = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><UpdateInvoiceResponse xmlns="http://eBizCharge.ServiceModel.SOAP"><UpdateInvoiceResult><InvoiceInternalId>a</InvoiceInternalId><Status>Success</Status><StatusCode>one</StatusCode><Error/><ErrorCode>0</ErrorCode></UpdateInvoiceResult></UpdateInvoiceResponse></s:Body></s:Envelope>`;
    const parsed = classifyResponse(ebiz, { status: 200, headers: { 'content-type': 'text/xml' }, body });
    expect(parsed.matched).not.toBeNull();
    expect(parsed.outcome).toBe('ok');
    expect(parsed.violations.map((v) => v.rule)).toContain('pattern');
    expect(parsed.conformant).toBe(false);
  });

  it('refuses null (xsi:nil) on a field that is not nillable and accepts it on one that is', () => {
    const fields: FieldSpec[] = [
      { name: 'plain', type: 'string' },
      { name: 'maybe', type: 'string', nillable: true },
    ];
    const schema = (): Record<string, unknown> => fieldsToSchema(fields, 'xml');
    expect(validateSchema(fields, schema, { plain: 'x', maybe: null })).toEqual([]);
    expect(validateSchema(fields, schema, { plain: null })).toEqual([expect.objectContaining({ rule: 'type', path: '/plain' })]);
  });

  it('treats minimum and maximum as inclusive and their exclusive forms as exclusive, in XML text and in JSON numbers', () => {
    for (const flavor of ['xml', 'json'] as const) {
      // A fresh array per flavor: validateSchema caches the compiled schema by this key.
      const fields: FieldSpec[] = [
        { name: 'inclusive', type: 'decimal', minimum: 0, maximum: 10 },
        { name: 'exclusive', type: 'decimal', exclusiveMinimum: 0, exclusiveMaximum: 10 },
      ];
      const at = (v: number) => (flavor === 'xml' ? String(v) : v);
      const check = (data: Record<string, unknown>) => validateSchema(fields, () => fieldsToSchema(fields, flavor), data).map((v) => v.path);
      expect(check({ inclusive: at(0) }), flavor).toEqual([]);
      expect(check({ inclusive: at(10) }), flavor).toEqual([]);
      expect(check({ inclusive: at(-0.01) }), flavor).toEqual(['/inclusive']);
      expect(check({ exclusive: at(0) }), flavor).toEqual(['/exclusive']);
      expect(check({ exclusive: at(10) }), flavor).toEqual(['/exclusive']);
      expect(check({ exclusive: at(0.01) }), flavor).toEqual([]);
    }
  });

  it('bounds integer fields by xs:int when the contract gives no range', () => {
    for (const flavor of ['xml', 'json'] as const) {
      const fields: FieldSpec[] = [{ name: 'n', type: 'integer' }];
      const check = (v: number) => validateSchema(fields, () => fieldsToSchema(fields, flavor), { n: flavor === 'xml' ? String(v) : v }).length;
      expect([check(2147483647), check(-2147483648), check(2147483648), check(-2147483649)], flavor).toEqual([0, 0, 1, 1]);
    }
  });
});
