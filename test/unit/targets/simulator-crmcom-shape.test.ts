import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedContract } from '../../../src/types/contract.ts';
import { loadAllContracts } from '../../../src/cli/load-contracts.ts';
import { buildRequest } from '../../../src/protocols/build-request.ts';
import { classifyResponse } from '../../../src/protocols/classify-response.ts';
import { sendHttp } from '../../../src/targets/http-client.ts';
import { defaultSeed } from '../../../src/targets/simulate/load-seed.ts';
import { startSimulators, type RunningSimulators } from '../../../src/targets/simulate/start-simulators.ts';
import { testCredentials } from '../../../src/targets/simulate/test-credentials.ts';
import type { SimulatorLogLine } from '../../../src/targets/simulate/serve-simulator.ts';
import { repoPath } from '../../helpers/paths.ts';

const ID = 'crmcom/invoices_update';

interface Line {
  id: string;
  quantity: number;
  cost: number;
  net_amount: number;
  discount_amount: number;
  sub_total: number;
  product: { code: string; id: string; product_type?: { name: string } };
  vat_rate: { name: string; id: string };
}
interface Data {
  id: string;
  number: string | null;
  reference_number: string | null;
  notes: string;
  net_amount: number;
  discount_amount: number;
  total_amount: number;
  invoice_item_set: Line[];
}

/**
 * CRM.COM's success body is the doc's response shape filled from the simulator's state: the seeded
 * doc invoices, their lines in response form, catalogue objects (product_type, VAT rate) of the
 * recorded answer, amounts computed from what was sent. Error words are CRM.COM's recorded ones.
 */
describe('the CRM.COM simulator answers in the doc’s shape, from its state', () => {
  let contracts: LoadedContract[];
  let sims: RunningSimulators;
  const log: SimulatorLogLine[] = [];

  beforeAll(async () => {
    contracts = (await loadAllContracts([repoPath('contracts')])).filter((l) => l.contract.vendor === 'crmcom');
    sims = await startSimulators({ contracts, recordingsDir: repoPath('recordings'), seed: defaultSeed(), onRequest: (l) => log.push(l) });
  });

  afterAll(async () => {
    await sims.close();
  });

  const send = async (input: unknown): Promise<{ outcome: string; body: { status: { code: string; message: string }; data: Data } }> => {
    const contract = contracts.find((l) => l.contract.id === ID)?.contract;
    if (contract === undefined) throw new Error(ID);
    const { request } = buildRequest(contract, input, { baseUrl: sims.baseUrls[ID] ?? '', credentials: testCredentials(contract) });
    const result = await sendHttp(request, { timeoutMs: 5000 });
    if (!result.ok) throw new Error(result.problem);
    return { outcome: classifyResponse(contract, result.exchange.response).outcome, body: JSON.parse(result.exchange.response.body) as never };
  };

  it('adds a line to the Example 2 invoice with amounts from the request, the catalogue objects of the recorded line, and keeps the seeded line', async () => {
    // Not the doc's request: 3 Smartcards at 12 with 10 % off, so the amounts cannot come from the recording.
    const answer = await send({ invoice: { number: 'I00000581' }, items: [{ action: 'add', product: { code: 'Smartcard' }, quantity: 3, unitPrice: 12, discountPercent: 10, taxName: 'Zero' }] });
    expect(answer.outcome).toBe('ok');
    const data = answer.body.data;
    expect(data.id).toBe('00115409F875439DBF1C757039AA3D08');
    const added = data.invoice_item_set.find((l) => l.product.code === 'Smartcard');
    expect(added).toMatchObject({ quantity: 3, cost: 12, net_amount: 36, sub_total: 32.4 });
    expect(added?.discount_amount).toBeCloseTo(3.6);
    expect(added?.product).toMatchObject({ id: '4F656ED5DAC44168B0805227881202CD', product_type: { name: 'SMARTCARD' } });
    expect(added?.vat_rate).toMatchObject({ name: 'Zero', id: 'B975C041156341D8A9D2F83FC8D36E87' });
    // Not a recorded request, so it is answered from the first recorded success (Example 1), which shows
    // neither product: the lines come in the store's order, the seeded one first.
    expect(data.invoice_item_set.map((l) => l.product.code)).toEqual(['aionet', 'Smartcard']);
    expect(data.net_amount).toBe(45);
    expect(data.total_amount).toBeCloseTo(41.4);
  });

  it('makes the product of a code the recorded answer does not show from what was sent, without a product_type', async () => {
    const answer = await send({ invoice: { number: 'I00000582' }, items: [{ action: 'add', product: { code: 'Router' }, quantity: 1, unitPrice: 50 }] });
    // The invoice's own identifiers, null where it has none (as Example 1 answers "number": null).
    expect(answer.body.data).toMatchObject({ id: '7D6A9A4E0C4B4D8B9E2F31A5C0D00582', number: 'I00000582', reference_number: null });
    const [line] = answer.body.data.invoice_item_set;
    expect(line?.product.code).toBe('Router');
    expect(line?.product.product_type).toBeUndefined();
    expect(line?.net_amount).toBe(50);
  });

  it('stamps each notes entry with the user and time, after the seeded log', async () => {
    const answer = await send({ invoice: { reference: '1013' }, notes: 'checked' });
    expect(answer.body.data.notes).toMatch(/^Marios Lannister\t4\/5\/2016 00:21:36\t.*\tSimulator\t\d{1,2}\/\d{1,2}\/\d{4} \d\d:\d\d:\d\d\tchecked$/);
  });

  it('answers an unknown invoice and an unknown item line in CRM.COM’s recorded words, with the ids only in the log', async () => {
    const unknown = await send({ invoice: { id: 'ABCDEF0123456789ABCDEF0123456789' }, notes: 'x' });
    expect(unknown.body.status).toMatchObject({ code: 'ERROR', message: 'The invoice could not be found' });
    expect(JSON.stringify(unknown.body)).not.toContain('ABCDEF0123456789ABCDEF0123456789');
    expect(log.some((l) => l.note?.includes('ABCDEF0123456789ABCDEF0123456789') === true)).toBe(true);
    const line = await send({ invoice: { number: 'I00000582' }, items: [{ action: 'remove', id: 'NO-SUCH-LINE' }] });
    expect(line.body.status.message).toBe('The invoice item set is invalid');
    expect(JSON.stringify(line.body)).not.toContain('NO-SUCH-LINE');
  });
});
