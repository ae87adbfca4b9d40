import { beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/types/contract.ts';
import type { HttpResponse } from '../../../src/model/http.ts';
import { requestSide } from '../../../src/check/request-side.ts';
import { responseSide } from '../../../src/check/response-side.ts';
import { rulesAreStable } from '../../../src/check/stable-rules.ts';
import { loadValidContract } from '../../helpers/prepare-contract.ts';
import { repoPath } from '../../helpers/paths.ts';

let crm: Contract;

beforeAll(async () => {
  crm = (await loadValidContract(repoPath('contracts/crmcom/invoices_update.yaml'))).contract;
});

/** The contract with one more rule on `on` whose expression reads the clock. */
const withClockRule = (contract: Contract, on: 'request' | 'response'): Contract => ({
  ...contract,
  rules: [...(contract.rules ?? []), { id: 'clock', description: 'reads the clock', on, assert: '$millis() > 0' }],
});

/** A CRM.COM update request body (vendor-docs/crmcom-invoices_update.txt): the invoice and a life cycle state. */
const update = (state: string): string => JSON.stringify({ life_cycle_state: state });

describe('rulesAreStable', () => {
  it('holds for the shipped rules and not for a side with a rule that calls $now, $millis or $random', () => {
    expect(rulesAreStable(crm, 'request')).toBe(true);
    expect(rulesAreStable(crm, 'response')).toBe(true);
    const clocked = withClockRule(crm, 'response');
    expect(rulesAreStable(clocked, 'response')).toBe(false);
    expect(rulesAreStable(clocked, 'request')).toBe(true);
    const random = { ...crm, rules: [{ id: 'r', description: 'random', scope: 'data[$random() < 2]', assert: 'true' }] };
    expect(rulesAreStable(random, 'request')).toBe(false);
    const shown = { ...crm, rules: [{ id: 's', description: 'shows the time', assert: 'true', show: ['$now()'] }] };
    expect(rulesAreStable(shown, 'request')).toBe(false);
  });
});

describe('requestSide', () => {
  it('gives a body equal to the one before it that one\'s reading, and any other body or contract its own', async () => {
    const first = await requestSide(crm, update('DRAFT'));
    expect(await requestSide(crm, update('DRAFT'))).toBe(first);
    const other = await requestSide(crm, update('POSTED'));
    expect(other).not.toBe(first);
    expect(other.decoded.body).toEqual({ life_cycle_state: 'POSTED' });
    expect(await requestSide(crm, update('DRAFT'))).not.toBe(first);
    const copy = { ...crm };
    const forCopy = await requestSide(copy, update('DRAFT'));
    expect(await requestSide(crm, update('DRAFT'))).not.toBe(forCopy);
  });

  it('evaluates request rules that read the clock again for every body', async () => {
    const clocked = withClockRule(crm, 'request');
    const first = await requestSide(clocked, update('DRAFT'));
    expect(await requestSide(clocked, update('DRAFT'))).not.toBe(first);
  });
});

describe('responseSide with rules that read the clock', () => {
  it('evaluates them again for a repeated response', async () => {
    const clocked = withClockRule(crm, 'response');
    const answer: HttpResponse = { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: { code: 'OK', message: '' }, data: { life_cycle_state: 'DRAFT' } }) };
    const first = await responseSide(clocked, answer);
    expect(await responseSide(clocked, answer)).not.toBe(first);
    expect(await responseSide(crm, answer)).toBe(await responseSide(crm, answer));
  });
});
