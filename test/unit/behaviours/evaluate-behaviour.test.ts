import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateBehaviour, type BehaviourInput } from '../../../src/behaviours/evaluate-behaviour.ts';
import type { BehaviourKind, BehaviourSpec, Contract } from '../../../src/types/contract.ts';
import { recordedExchange, shippedContract, type RecordedExchange } from './recorded-exchange.ts';

/** The contract's one behaviour of this kind. */
function behaviourOf(contract: Contract, kind: BehaviourKind): BehaviourSpec {
  const found = (contract.behaviours ?? []).find((b) => b.kind === kind);
  if (found === undefined) throw new Error(`${contract.id} declares no ${kind} behaviour`);
  return found;
}

/** What the behaviour check sees for a recorded exchange: the request, and the response data of an ok answer. */
function inputOf(recorded: RecordedExchange): BehaviourInput {
  return { request: recorded.request, response: recorded.response.outcome === 'ok' ? recorded.response.data : undefined };
}

/** A deep copy of recorded data, to change one thing in it. */
function copy<T>(value: T): T & Record<string, unknown> {
  return structuredClone(value) as T & Record<string, unknown>;
}

describe('evaluateBehaviour on request behaviours (warnings)', () => {
  describe('partial-update (Centra): an empty element blanks a stored value', () => {
    let centra: Contract;
    let updateOk: RecordedExchange;
    beforeAll(async () => {
      centra = await shippedContract('centra/invoices_Update');
      updateOk = await recordedExchange(centra, 'update-ok');
    });

    it('passes on the recorded update-ok request, which sends no empty element', () => {
      expect(evaluateBehaviour(centra, behaviourOf(centra, 'partial-update'), inputOf(updateOk))).toEqual([]);
    });

    it('warns about each empty element of the invoice, naming it and how to keep its value', () => {
      const request = copy(updateOk.request) as { invoices: { invoice: Record<string, unknown>[] } };
      const invoice = request.invoices.invoice[0];
      if (invoice === undefined) throw new Error('update-ok sends no invoice');
      invoice['currency'] = '';
      const violations = evaluateBehaviour(centra, behaviourOf(centra, 'partial-update'), { request, response: undefined });
      expect(violations).toEqual([expect.objectContaining({ rule: 'behaviour', path: '/invoices/invoice/currency', severity: 'warning' })]);
      expect(violations?.[0]?.message).toMatch(/^Received: an empty <currency> \/ Documented: Fields not sent are left unchanged.*leave currency out to keep its value\.$/);
    });
  });

  describe('omit-clears (EBizCharge): "Omitting a field might clear its value."', () => {
    let ebiz: Contract;
    let updateOk: RecordedExchange;
    beforeAll(async () => {
      ebiz = await shippedContract('ebizcharge/UpdateInvoice');
      updateOk = await recordedExchange(ebiz, 'update-ok');
    });

    it('passes on the recorded update-ok request once every documented invoice field is sent', () => {
      const request = copy(updateOk.request) as { invoice: Record<string, unknown> };
      const invoiceFields = ebiz.request.fields.find((f) => f.name === 'invoice')?.fields ?? [];
      for (const field of invoiceFields) request.invoice[field.name] ??= '';
      expect(evaluateBehaviour(ebiz, behaviourOf(ebiz, 'omit-clears'), { request, response: undefined })).toEqual([]);
    });

    it('warns about the recorded update-ok request, which leaves invoice fields out, and names them', () => {
      const violations = evaluateBehaviour(ebiz, behaviourOf(ebiz, 'omit-clears'), inputOf(updateOk));
      expect(violations).toEqual([expect.objectContaining({ rule: 'behaviour', path: '/invoice', severity: 'warning' })]);
      expect(violations?.[0]?.message).toMatch(/^Received: \d+ invoice fields left out \(MerchantId, CustomerId, .*\) \/ Documented: "Warning: Omitting a field might clear its value\."/);
    });
  });

  describe('client-auto-create (InvoiceXpress): an existing client keeps its fields', () => {
    let invoicexpress: Contract;
    beforeAll(async () => {
      invoicexpress = await shippedContract('invoicexpress/invoices.update');
    });

    it('passes on the recorded update-ok-blank-body request, whose client has only a name', async () => {
      const recorded = await recordedExchange(invoicexpress, 'update-ok-blank-body');
      expect(evaluateBehaviour(invoicexpress, behaviourOf(invoicexpress, 'client-auto-create'), inputOf(recorded))).toEqual([]);
    });

    it('warns about the recorded doc example request, whose client fields are ignored if the client exists', async () => {
      const recorded = await recordedExchange(invoicexpress, 'update-ok');
      const violations = evaluateBehaviour(invoicexpress, behaviourOf(invoicexpress, 'client-auto-create'), inputOf(recorded));
      expect(violations).toEqual([expect.objectContaining({ rule: 'behaviour', path: '/client', severity: 'warning' })]);
      expect(violations?.[0]?.message).toContain('Received: client name with email, address, postal_code, country, fiscal_id, website, phone, fax, observations / Documented: ');
    });
  });
});

describe('evaluateBehaviour on response behaviours (errors)', () => {
  let crmcom: Contract;
  let example1: RecordedExchange;
  beforeAll(async () => {
    crmcom = await shippedContract('crmcom/invoices_update');
    example1 = await recordedExchange(crmcom, 'update-example-1');
  });

  /** Example 1's response data with one change made by `change`. */
  function changedResponse(change: (data: { notes: string; invoice_item_set: Record<string, unknown>[] }) => void): BehaviourInput {
    const response = copy(example1.response.data) as { data: { notes: string; invoice_item_set: Record<string, unknown>[] } };
    change(response.data);
    return { request: example1.request, response };
  }

  describe('notes-accumulate (CRM.COM): the updated notes hold the sent text', () => {
    it("passes on Example 1, whose response notes end with the request's notes", () => {
      expect(evaluateBehaviour(crmcom, behaviourOf(crmcom, 'notes-accumulate'), inputOf(example1))).toEqual([]);
    });

    it('fails with an error when the response notes lost the sent text', () => {
      const input = changedResponse((data) => (data.notes = 'Marios Lannister\t4/5/2016 00:21:36\tsomething else'));
      const violations = evaluateBehaviour(crmcom, behaviourOf(crmcom, 'notes-accumulate'), input);
      expect(violations).toEqual([expect.objectContaining({ rule: 'behaviour', path: '/data/notes', severity: 'error' })]);
      expect(violations?.[0]?.message).toContain('The sent text "to be issued later" must appear in it.');
    });

    it('cannot be judged when the answer is not ok (no response data)', () => {
      expect(evaluateBehaviour(crmcom, behaviourOf(crmcom, 'notes-accumulate'), { request: example1.request, response: undefined })).toBeUndefined();
    });
  });

  describe('item-set-actions (CRM.COM): added products appear, removed lines are gone', () => {
    it('passes on Example 1, which adds Smartcard 2 and removes line 09E3B818BB644A57AD1D19FB95007C64', () => {
      expect(evaluateBehaviour(crmcom, behaviourOf(crmcom, 'item-set-actions'), inputOf(example1))).toEqual([]);
    });

    it('fails with an error when the added product is missing from the response', () => {
      const input = changedResponse((data) => (data.invoice_item_set = data.invoice_item_set.filter((i) => (i['product'] as { code?: string }).code !== 'Smartcard 2')));
      const violations = evaluateBehaviour(crmcom, behaviourOf(crmcom, 'item-set-actions'), input);
      expect(violations).toEqual([expect.objectContaining({ rule: 'behaviour', path: '/data/invoice_item_set', severity: 'error' })]);
      expect(violations?.[0]?.message).toMatch(/^Received: no line for product Smartcard 2 in the response \/ Documented: .*\(add creates a line\)\.$/);
    });

    it('fails with an error when the removed line is still in the response', () => {
      const input = changedResponse((data) => data.invoice_item_set.push({ id: '09E3B818BB644A57AD1D19FB95007C64', quantity: 1 }));
      const violations = evaluateBehaviour(crmcom, behaviourOf(crmcom, 'item-set-actions'), input);
      expect(violations).toEqual([expect.objectContaining({ rule: 'behaviour', severity: 'error' })]);
      expect(violations?.[0]?.message).toContain('Received: line 09E3B818BB644A57AD1D19FB95007C64 still in the response');
    });
  });

  it('leaves guards that need a stateful target (state-guard) to the scenarios: undefined', () => {
    expect(evaluateBehaviour(crmcom, behaviourOf(crmcom, 'state-guard'), inputOf(example1))).toBeUndefined();
  });
});
