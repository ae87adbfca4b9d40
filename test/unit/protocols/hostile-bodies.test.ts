import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyResponse } from '../../../src/protocols/classify-response.ts';
import { decodeBody } from '../../../src/codec/text/decode-body.ts';
import type { Contract } from '../../../src/types/contract.ts';
import { repoPath } from '../../helpers/paths.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';

interface BodyCase {
  readonly file: string;
  readonly contract: string;
  readonly status: number;
  readonly contentType: string;
  readonly rule: string;
  readonly what: string;
}
interface EncodingCase {
  readonly file: string;
  readonly contentType: string;
  readonly contains?: string;
  readonly refused?: string;
  readonly what: string;
}

const corpus = JSON.parse(readFileSync(repoPath('test/fixtures/hostile/bodies.json'), 'utf8')) as { bodies: BodyCase[]; encodings: EncodingCase[] };
const bytesOf = (file: string): Buffer => readFileSync(repoPath('test/fixtures/hostile/bodies', file));
const contracts = new Map<string, Contract>();

beforeAll(async () => {
  for (const id of new Set(corpus.bodies.map((b) => b.contract))) {
    contracts.set(id, (await loadValidContract(repoPath(`contracts/${id}.yaml`))).contract);
  }
});

function contractOf(id: string): Contract {
  const contract = contracts.get(id);
  if (contract === undefined) throw new Error(`contract ${id} not loaded`);
  return contract;
}

describe('the hostile-bodies corpus (test/fixtures/hostile/bodies.json)', () => {
  for (const c of corpus.bodies) {
    it(`refuses ${c.what} (${c.file}) with ${c.rule}`, () => {
      const decoded = decodeBody(bytesOf(c.file), c.contentType);
      if (!decoded.ok) throw new Error(decoded.problem.message);
      const parsed = classifyResponse(contractOf(c.contract), { status: c.status, headers: { 'content-type': c.contentType }, body: decoded.value });
      expect(parsed.conformant).toBe(false);
      expect(parsed.violations.map((v) => v.rule)).toContain(c.rule);
    });
  }

  for (const c of corpus.encodings) {
    it(`${c.refused === undefined ? 'decodes' : 'refuses'} ${c.what} (${c.file})`, () => {
      const decoded = decodeBody(bytesOf(c.file), c.contentType);
      if (c.refused === undefined) expect(decoded.ok && decoded.value).toContain(c.contains);
      else expect(decoded.ok ? 'decoded' : decoded.problem.message).toContain(c.refused);
    });
  }

  it('fails a 20 MB body under body: any even when it is declared as HTML', () => {
    const parsed = classifyResponse(contractOf('invoicexpress/invoices.update'), { status: 500, headers: { 'content-type': 'text/html' }, body: 'x'.repeat(20 * 1024 * 1024) });
    expect(parsed.conformant).toBe(false);
    expect(parsed.violations.map((v) => v.rule)).toContain('xml-too-large');
  });

  it('still accepts a documented HTML error page under body: any', () => {
    const html = '<!doctype html>\n<html><body><h1>Not Found</h1></body></html>';
    const parsed = classifyResponse(contractOf('invoicexpress/invoices.update'), { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html });
    expect(parsed).toMatchObject({ outcome: 'not_found', conformant: true });
  });
});
