import { describe, expect, it } from 'vitest';
import { isPortableRegex, leafMatcher } from '../../../src/pact/pact-matcher.ts';
import type { FieldSpec } from '../../../src/types/contract.ts';

const field = (spec: Partial<FieldSpec>): FieldSpec => ({ name: 'x', type: 'string', ...spec });

describe('leafMatcher', () => {
  it('gives strings a type matcher and an undescribed leaf too', () => {
    expect(leafMatcher(field({}), 'abc', { flavor: 'xml' })).toEqual({ 'pact:matcher:type': 'type', value: 'abc' });
    expect(leafMatcher(undefined, 'abc', { flavor: 'json' })).toEqual({ 'pact:matcher:type': 'type', value: 'abc' });
  });

  it('gives dates a regex of their vendor format', () => {
    expect(leafMatcher(field({ type: 'date', format: 'dd/mm/yyyy' }), '25/04/2024', { flavor: 'xml' })).toEqual({ 'pact:matcher:type': 'regex', regex: '^\\d{2}/\\d{2}/\\d{4}$', value: '25/04/2024' });
    expect(leafMatcher(field({ type: 'date' }), '2024-04-25', { flavor: 'json' })).toMatchObject({ regex: '^\\d{4}-\\d{2}-\\d{2}$' });
  });

  it('gives XML integers the integer matcher over the text, XML decimals and base64 a regex', () => {
    expect(leafMatcher(field({ type: 'integer' }), '7', { flavor: 'xml' })).toEqual({ 'pact:matcher:type': 'integer', value: '7' });
    const decimal = leafMatcher(field({ type: 'decimal' }), '12.50', { flavor: 'xml' }) as { regex: string };
    expect(new RegExp(decimal.regex).test('12.50')).toBe(true);
    expect(new RegExp(decimal.regex).test('12,50')).toBe(false);
    const b64 = leafMatcher(field({ type: 'base64' }), 'AAAAABLXruQ=', { flavor: 'xml' }) as { regex: string };
    expect(new RegExp(b64.regex).test('AAAAABLXruQ=')).toBe(true);
    expect(new RegExp(b64.regex).test('not base64!')).toBe(false);
  });

  it('keeps JSON numbers and booleans their JSON type: integer, number (a decimal may have no fraction), boolean', () => {
    expect(leafMatcher(field({ type: 'integer' }), 3, { flavor: 'json' })).toEqual({ 'pact:matcher:type': 'integer', value: 3 });
    expect(leafMatcher(field({ type: 'decimal' }), 100, { flavor: 'json' })).toEqual({ 'pact:matcher:type': 'number', value: 100 });
    expect(leafMatcher(field({ type: 'boolean' }), true, { flavor: 'json' })).toEqual({ 'pact:matcher:type': 'boolean', value: true });
  });

  it('fixes constants and values a documented response is selected by, and lets an enum be any documented value', () => {
    expect(leafMatcher(field({ value: 'v1' }), 'v1', { flavor: 'xml' })).toEqual({ 'pact:matcher:type': 'equality', value: 'v1' });
    expect(leafMatcher(field({}), 'Ok', { flavor: 'xml', when: [{ path: 'Result', equals: 'Ok' }] })).toEqual({ 'pact:matcher:type': 'equality', value: 'Ok' });
    const e = leafMatcher(field({ enum: ['Ok', 'Fail', 'Partial.Fail'] }), 'Ok', { flavor: 'xml' }) as { regex: string };
    expect(e.regex).toBe('^(Ok|Fail|Partial\\.Fail)$');
    expect(new RegExp(e.regex).test('PartialXFail')).toBe(false);
  });

  it('wraps a contract pattern so that it keeps matching anywhere in the value, as JSON Schema patterns do', () => {
    const m = leafMatcher(undefined, 'soap:Client', { flavor: 'xml', when: [{ path: 'faultcode', matches: '(^|:)Client(\\.|$)' }] }) as { regex: string };
    expect(new RegExp(m.regex).test('soap:Client')).toBe(true);
    expect(new RegExp(m.regex).test('soap:Server')).toBe(false);
  });

  it('puts a type matcher over the placeholder at a credential position, whatever the field says', () => {
    expect(leafMatcher(field({ credential: 'password', enum: ['x'] }), '{{P}}', { flavor: 'xml', credential: true })).toEqual({ 'pact:matcher:type': 'type', value: '{{P}}' });
  });

  it('refuses patterns the verifier cannot run (look-around, back-references)', () => {
    expect(isPortableRegex('^(?!OK$)')).toBe(false);
    expect(isPortableRegex('(a)\\1')).toBe(false);
    expect(isPortableRegex('^[A-Z]{3}$')).toBe(true);
    expect(leafMatcher(undefined, 'ERR', { flavor: 'json', when: [{ path: 'code', matches: '^(?!OK$)' }] })).toEqual({ 'pact:matcher:type': 'type', value: 'ERR' });
  });
});
