import { describe, expect, it } from 'vitest';
import { DRIFT_RULES } from '../../../../suites/audit/index.ts';
import { auditFixture, auditFolders, auditVariant, changeTriples, EBIZ_RESULT, OPS_RESULT } from '../audit-fixtures.ts';

const EBIZ = 'http://eBizCharge.ServiceModel.SOAP';
const OPS = 'http://www.opsplanning.com/webservices/public/data';
const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const CENTRA = 'http://www.centra.com/webservices/';
const SOAP_BODY = `/{${SOAP}}Envelope/{${SOAP}}Body`;
const EBIZ_FAULT = `${SOAP_BODY}/{${SOAP}}Fault`;

/** Each variant changes one thing (test/fixtures/audit/README.md) and reports exactly these changes. */
const EXPECTED: Record<string, Array<[string, string, string]>> = {
  'prefix-only': [],
  'default-namespace-to-prefix': [],
  'whitespace-only': [],
  'whitespace-only-json': [],
  'field-removed': [['drift.field-removed', 'breaking', `${EBIZ_RESULT}/{${EBIZ}}StatusCode`]],
  'undocumented-field-removed': [['drift.field-removed', 'breaking', '$.data.accounts_receivable.account_owner.first_name']],
  'optional-absent': [['drift.optional-absent', 'warning', `${EBIZ_RESULT}/{${EBIZ}}InvoiceInternalId`]],
  'type-changed': [['drift.type-changed', 'breaking', '$.data.udf_float_1']],
  'type-changed-xml': [['drift.type-changed', 'breaking', `${EBIZ_RESULT}/{${EBIZ}}StatusCode`]],
  'format-changed': [['drift.format-changed', 'breaking', '$.data.due_on']],
  'namespace-changed': [['drift.namespace-changed', 'breaking', EBIZ_RESULT]],
  'message-changed': [['drift.message-changed', 'warning', '$.status.message']],
  'status-changed': [['drift.status-changed', 'breaking', 'response.status']],
  'status-outcome-changed': [
    ['drift.status-changed', 'breaking', 'response.status'],
    ['drift.outcome-changed', 'breaking', 'response.outcome'],
  ],
  'outcome-changed': [
    ['drift.outcome-changed', 'breaking', 'response.outcome'],
    ['drift.value-changed', 'info', `${SOAP_BODY}/{${CENTRA}}result/{${CENTRA}}success`],
  ],
  'code-changed': [['drift.code-changed', 'breaking', `${EBIZ_RESULT}/{${EBIZ}}ErrorCode`]],
  'code-added': [
    ['drift.code-added', 'warning', `${OPS_RESULT}/{${OPS}}Errors/{${OPS}}OpsWebError/{${OPS}}ErrorCode`],
    ['drift.field-added', 'info', `${OPS_RESULT}/{${OPS}}Errors/{${OPS}}OpsWebError/{${OPS}}ErrorCode`],
  ],
  'contract-violation': [['drift.contract-violation', 'breaking', '/UpdateInvoicePaymentStatusResult/Errors/OpsWebError/0/Severity']],
  'field-added': [['drift.field-added', 'info', `${EBIZ_RESULT}/{${EBIZ}}InvoiceNumber`]],
  'field-renamed': [['drift.field-renamed', 'breaking', `${EBIZ_RESULT}/{${EBIZ}}InvoiceInternalId`]],
  'field-moved': [['drift.field-moved', 'breaking', '$.data.reference_number']],
  reordered: [['drift.reordered', 'info', '$.data.invoice_item_set']],
  'sequence-changed': [['drift.sequence-broken', 'breaking', EBIZ_RESULT]],
  'wcf-internal-service-fault': [['drift.code-changed', 'breaking', `${EBIZ_FAULT}/faultcode`]],
  'fault-code-unmatched': [
    ['drift.outcome-changed', 'breaking', 'response.outcome'],
    ['drift.code-changed', 'breaking', `${EBIZ_FAULT}/faultcode`],
  ],
  'trailing-space': [
    ['drift.outcome-changed', 'breaking', 'response.outcome'],
    ['drift.whitespace-changed', 'warning', `${EBIZ_RESULT}/{${EBIZ}}Error`],
  ],
  'element-unexpected': [['drift.field-unexpected', 'breaking', `${EBIZ_RESULT}/{${EBIZ}}ErrorDetail`]],
  'server-error-instead': [
    ['drift.status-changed', 'breaking', 'response.status'],
    ['drift.outcome-changed', 'breaking', 'response.outcome'],
    ['drift.code-added', 'warning', `${EBIZ_FAULT}/faultcode`],
    ['drift.message-changed', 'warning', `${EBIZ_FAULT}/faultstring`],
    ['drift.field-removed', 'breaking', `${SOAP_BODY}/{${EBIZ}}UpdateInvoiceResponse`],
    ['drift.field-added', 'info', `${SOAP_BODY}/{${SOAP}}Fault`],
  ],
  'success-message-changed': [['drift.message-changed', 'warning', '$.status.message']],
  // Qualified fault children: their namespace changed, but the code and the message are still there.
  'fault-qualified-children': [
    ['drift.namespace-changed', 'breaking', `${EBIZ_FAULT}/faultcode`],
    ['drift.namespace-changed', 'breaking', `${EBIZ_FAULT}/faultstring`],
  ],
  'value-changed': [['drift.value-changed', 'info', '$.data.udf_string_1']],
  'volatile-timestamp': [],
  'volatile-type-changed': [['drift.type-changed', 'breaking', `${OPS_RESULT}/{${OPS}}Data/{${OPS}}InvoiceTimestamp`]],
  'field-emptied': [['drift.field-emptied', 'warning', `${OPS_RESULT}/{${OPS}}Data/{${OPS}}InvoiceTimestamp`]],
  'case-removed': [['drift.case-removed', 'breaking', 'opsplanning/UpdateInvoicePaymentStatus/fault-server.har']],
  'case-added': [['drift.case-added', 'info', 'opsplanning/UpdateInvoicePaymentStatus/fault-server-retry.har']],
  'secret-in-message': [['drift.message-changed', 'warning', '$.status.message']],
  'secret-field': [['drift.field-added', 'info', '$.data']],
};

let identical: ReturnType<typeof auditFolders> | undefined;

describe('drift rules on the fixture variants', () => {
  it.each(Object.entries(EXPECTED))('%s reports exactly the expected changes', async (variant, expected) => {
    expect(changeTriples(await auditVariant(variant))).toEqual(expected);
  });

  it.each(DRIFT_RULES.map((r) => [r.id, r] as const))('%s fires on a variant and stays silent on identical recordings', async (id) => {
    expect(Object.values(EXPECTED).some((changes) => changes.some(([rule]) => rule === id)) || id === 'drift.sequence-changed').toBe(true);
    identical ??= auditFolders(auditFixture('baseline'), auditFixture('baseline'));
    expect((await identical).changes.filter((c) => c.id === id)).toEqual([]);
  });

  it('reports a sequence change as a warning where no contract says the sequence is ordered', async () => {
    const variant = auditFixture('variants', 'sequence-changed');
    const summary = await auditFolders(`${variant}/baseline`, `${variant}/current`, { contracts: new Map() });
    expect(changeTriples(summary)).toEqual([['drift.sequence-changed', 'warning', EBIZ_RESULT]]);
  });

  it('says which readers each breaking change breaks, and only on breaking changes', async () => {
    const summary = await auditVariant('server-error-instead');
    for (const c of summary.changes) expect(c.breaks !== undefined).toBe(c.severity === 'breaking');
    expect(DRIFT_RULES.filter((r) => r.severity === 'breaking' && (r.breaks ?? '') === '')).toEqual([]);
    expect((await auditVariant('element-unexpected')).changes[0]?.breaks).toMatch(/zeep's default mode.*lax readers.*ignore it/);
  });

  it('groups the consequences of one HTTP 500 under the status change', async () => {
    const changes = (await auditVariant('server-error-instead')).changes;
    const [cause, ...rest] = changes;
    expect(cause?.id).toBe('drift.status-changed');
    expect(cause?.causedBy).toBeUndefined();
    expect(rest.length).toBe(5);
    for (const c of rest) expect(c.causedBy).toEqual({ id: 'drift.status-changed', path: 'response.status' });
  });

  it('shows a whitespace-only change visibly and groups it under the outcome it flips', async () => {
    const [outcome, space] = (await auditVariant('trailing-space')).changes;
    expect(outcome?.before).toBe('not_found');
    expect(space?.before).toBe('Not Found ');
    expect(space?.after).toBe('Not Found');
    expect(space?.message).toContain('"Not Found␠" → "Not Found"');
    expect(space?.causedBy).toEqual({ id: 'drift.outcome-changed', path: 'response.outcome' });
  });

  it('reads the faultcode and faultstring of a fault that matches no documented response', async () => {
    const code = (await auditVariant('fault-code-unmatched')).changes.find((c) => c.id === 'drift.code-changed');
    expect(code?.after).toBe('{urn:example:other}SomethingElse');
    expect((await auditVariant('fault-code-unmatched')).changes.some((c) => c.id === 'drift.message-changed')).toBe(false);
  });

  it('has stable, unique, dotted rule ids', () => {
    const ids = DRIFT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^drift\.[a-z]+(-[a-z]+)*$/);
  });
});

describe('evidence', () => {
  it('carries the before and after values of a removed field, a type change and a namespace change', async () => {
    const [removed] = (await auditVariant('field-removed')).changes;
    expect(removed).toMatchObject({ before: '1', contract: 'ebizcharge/UpdateInvoice', case: 'update-ok', vendor: 'ebizcharge', file: 'ebizcharge/UpdateInvoice/update-ok.har' });
    expect(removed).not.toHaveProperty('after');
    expect((await auditVariant('type-changed')).changes[0]).toMatchObject({ before: 10, after: '10' });
    expect((await auditVariant('namespace-changed')).changes[0]).toMatchObject({ before: EBIZ, after: 'http://tempuri.org/' });
    expect((await auditVariant('status-changed')).changes[0]).toMatchObject({ before: 200, after: 409 });
  });

  it('names the old and the new name of a rename, and the old and new path of a move', async () => {
    expect((await auditVariant('field-renamed')).changes[0]).toMatchObject({ before: 'InvoiceInternalId', after: 'InternalId' });
    expect((await auditVariant('field-moved')).changes[0]).toMatchObject({ before: '$.data.reference_number', after: '$.data.category.reference_number' });
  });

  it('redacts a secret the request leaked from a changed message, and a credential-named field anywhere in the report', async () => {
    const leaked = await auditVariant('secret-in-message');
    expect(leaked.changes[0]?.after).toBe('The token [redacted] is invalid or has expired');
    expect(JSON.stringify(leaked)).not.toContain('tok-live-5f3a9c2e71');
    const field = await auditVariant('secret-field');
    expect(field.changes[0]?.after).toBe('{"token":"[redacted]"}');
    expect(JSON.stringify(field)).not.toContain('tok-new-8d1e4b0a99');
  });

  it('states the classes of a type or format change in the message', async () => {
    expect((await auditVariant('type-changed')).changes[0]?.message).toContain('number (integer) → string (integer)');
    expect((await auditVariant('format-changed')).changes[0]?.message).toContain('local-datetime');
  });
});
