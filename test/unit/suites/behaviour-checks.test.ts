import { beforeAll, describe, expect, it } from 'vitest';
import { clientAutoCreate, omitClears, partialUpdate } from '../../../suites/request-building/behaviours.ts';
import { itemSetActions, notesAccumulate } from '../../../suites/scenarios/behaviours.ts';
import type { ContractContext } from '../../../suites/check.ts';
import { failingSubjects, outcomesOf, violationsOf } from '../../helpers/check-outcomes.ts';
import { repoPath } from '../../helpers/paths.ts';
import { prepareContract } from '../../helpers/prepare-contract.ts';

const contract = (id: string): string => repoPath(`contracts/${id}.yaml`);
const variant = (name: string): string => repoPath('test/fixtures/hostile/recordings', name);
const RECORDINGS = repoPath('recordings');

/** Case names whose outcome holds a warning (behaviour checks on the request side only warn). */
function warned(ctx: ContractContext, check: typeof partialUpdate): string[] {
  return Object.entries(outcomesOf(check, ctx)).filter(([, o]) => Array.isArray(o) && o.some((v) => v.severity === 'warning')).map(([name]) => name);
}

describe('the five behaviour checks, run as checks over prepared cases', () => {
  let centra: ContractContext;
  let centraEmpty: ContractContext;
  let ebiz: ContractContext;
  let ixp: ContractContext;
  let crm: ContractContext;
  let crmNotesLost: ContractContext;
  let crmLineMissing: ContractContext;
  beforeAll(async () => {
    centra = await prepareContract(contract('centra/invoices_Update'), RECORDINGS);
    centraEmpty = await prepareContract(contract('centra/invoices_Update'), variant('request-empty-element'));
    ebiz = await prepareContract(contract('ebizcharge/UpdateInvoice'), RECORDINGS);
    ixp = await prepareContract(contract('invoicexpress/invoices.update'), RECORDINGS);
    crm = await prepareContract(contract('crmcom/invoices_update'), RECORDINGS);
    crmNotesLost = await prepareContract(contract('crmcom/invoices_update'), variant('response-notes-lost'));
    crmLineMissing = await prepareContract(contract('crmcom/invoices_update'), variant('response-added-line-missing'));
  });

  it('behaviour.partial-update: silent on Centra requests without empty elements, warns on an empty <ponumber>', () => {
    expect(violationsOf(partialUpdate, centra)).toEqual([]);
    expect(warned(centraEmpty, partialUpdate)).toEqual(['update-ok']);
    expect(violationsOf(partialUpdate, centraEmpty)).toEqual([expect.objectContaining({ severity: 'warning', path: '/invoices/invoice/ponumber' })]);
    expect(failingSubjects(partialUpdate, centraEmpty)).toEqual([]);
  });

  it('behaviour.omit-clears: warns, naming the omitted fields, and never fails', () => {
    expect(warned(ebiz, omitClears)).toContain('update-ok');
    expect(violationsOf(omitClears, ebiz)[0]?.message).toMatch(/^Received: \d+ invoice fields left out \(/);
    expect(failingSubjects(omitClears, ebiz)).toEqual([]);
  });

  it('behaviour.client-auto-create: warns when client fields besides the name are sent, silent when only the name or no client is', () => {
    const w = warned(ixp, clientAutoCreate);
    expect(w).toContain('update-ok');
    expect(w).not.toContain('update-ok-blank-body');
    expect(violationsOf(clientAutoCreate, ixp).find((v) => v.path === '/client')?.message).toContain('are not updated');
  });

  it('behaviour.notes-accumulate: passes when the answer keeps the sent notes, fails when it lost them', () => {
    expect(failingSubjects(notesAccumulate, crm)).toEqual([]);
    expect(violationsOf(notesAccumulate, crm)).toEqual([]);
    expect(failingSubjects(notesAccumulate, crmNotesLost)).toEqual(['update-example-1']);
    expect(violationsOf(notesAccumulate, crmNotesLost)[0]).toMatchObject({ rule: 'behaviour', path: '/data/notes', severity: 'error' });
  });

  it('behaviour.item-set-actions: passes when the added product appears, fails when its line is missing', () => {
    expect(violationsOf(itemSetActions, crm)).toEqual([]);
    expect(failingSubjects(itemSetActions, crmLineMissing)).toEqual(['update-example-1']);
    expect(violationsOf(itemSetActions, crmLineMissing)[0]?.message).toContain('no line for product Smartcard 2');
  });
});
