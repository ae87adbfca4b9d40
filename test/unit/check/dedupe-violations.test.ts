import { describe, expect, it } from 'vitest';
import { violation } from '../../../src/model/violation.ts';
import { dedupeByCause } from '../../../src/check/dedupe-violations.ts';

const ns = (path: string) => violation('namespace', path, `Received: <{urn:a/}${path}> / Documented: <{urn:a}${path}>.`, { expected: 'urn:a', received: 'urn:a/' });

describe('dedupeByCause', () => {
  it('reports one namespace mix-up once, at its first element, listing every element', () => {
    const [only] = dedupeByCause([{ check: 'request.namespaces', violations: [ns('/Op'), ns('/Op/a'), ns('/Op/b')] }]);
    expect(only?.violations).toHaveLength(1);
    expect(only?.violations[0]?.path).toBe('/Op');
    expect(only?.violations[0]?.params?.['paths']).toEqual(['/Op', '/Op/a', '/Op/b']);
    expect(only?.violations[0]?.message).toContain('The same namespace is used on 2 more element(s): /Op/a, /Op/b.');
  });

  it('keeps namespace mistakes with different URIs apart', () => {
    const other = violation('namespace', '/Op/c', 'x', { expected: 'urn:a', received: 'urn:b' });
    const [only] = dedupeByCause([{ check: 'request.namespaces', violations: [ns('/Op'), other] }]);
    expect(only?.violations.map((v) => v.path)).toEqual(['/Op', '/Op/c']);
  });

  it('drops from a later check what an earlier check already reported, and keeps the rest', () => {
    const same = violation('required', '/a', 'Received: no a');
    const own = violation('type', '/b', 'Received: 1');
    const out = dedupeByCause([
      { check: 'request.envelope', violations: [same] },
      { check: 'request.schema', violations: [same, own] },
    ]);
    expect(out.map((c) => c.violations.map((v) => v.path))).toEqual([['/a'], ['/b']]);
  });

  it('reports a wrong SOAP version of the envelope once, whichever check sees it first', () => {
    const out = dedupeByCause([
      { check: 'request.envelope', violations: [violation('soap-envelope', '/Envelope', 'Received: a SOAP 1.2 envelope')] },
      { check: 'request.soap-version', violations: [violation('soap-version', '/Envelope', 'Received: SOAP 1.2 (VersionMismatch)'), violation('soap-version', 'header content-type', 'Received: application/soap+xml')] },
    ]);
    expect(out.map((c) => c.violations.map((v) => `${v.rule} ${v.path}`))).toEqual([['soap-envelope /Envelope'], ['soap-version header content-type']]);
  });

  it('reports one wrong header value once, whichever checks object to it', () => {
    const out = dedupeByCause([
      { check: 'request.transport', violations: [violation('content-type', 'header content-type', 'Received: "application/soap+xml" / Documented: "text/xml"')] },
      { check: 'request.soap-version', violations: [violation('soap-version', 'header content-type', 'Received: Content-Type application/soap+xml (SOAP 1.2)')] },
    ]);
    expect(out.map((c) => c.violations.map((v) => v.rule))).toEqual([['content-type'], []]);
  });

  it('leaves distinct violations alone', () => {
    const vs = [violation('required', '/a', 'm1'), violation('required', '/b', 'm2')];
    expect(dedupeByCause([{ check: 'x', violations: vs }])[0]?.violations).toEqual(vs);
  });
});
