import type { RunSummary } from '../../../src/model/run-summary.ts';

/**
 * A small finished run across two contracts: passed, failed (two violations and a reproduce
 * command) and skipped results, a passed check with a warning, one doc finding and one warning.
 */
export const sampleSummary: RunSummary = {
  schemaVersion: 1,
  tool: { name: 'invoice-update-conformance', version: '0.1.0' },
  target: 'replay',
  startedAt: '2024-05-01T12:00:00.000Z',
  durationMs: 1234,
  ok: false,
  totals: { passed: 3, failed: 1, skipped: 1 },
  suites: ['contract', 'request-building', 'response-parsing'],
  contracts: [
    {
      id: 'centra/invoices_Update',
      vendor: 'centra',
      operation: 'invoices_Update',
      protocol: 'soap11',
      file: 'contracts/centra/invoices_Update.yaml',
      cases: 1,
      totals: { passed: 2, failed: 0, skipped: 0 },
    },
    {
      id: 'crmcom/invoices_update',
      vendor: 'crmcom',
      operation: 'invoices_update',
      protocol: 'json',
      file: 'contracts/crmcom/invoices_update.yaml',
      cases: 2,
      totals: { passed: 1, failed: 1, skipped: 1 },
    },
  ],
  results: [
    {
      id: 'centra/invoices_Update#contract#contract.schema-valid',
      check: 'contract.schema-valid',
      title: 'Contract file matches contract.schema.json',
      suite: 'contract',
      contract: 'centra/invoices_Update',
      case: null,
      durationMs: 2,
      state: 'passed',
      violations: [],
    },
    {
      id: 'centra/invoices_Update#update-draft#request.soap-action',
      check: 'request.soap-action',
      title: 'SOAPAction header is the documented one',
      suite: 'request-building',
      contract: 'centra/invoices_Update',
      case: 'update-draft',
      durationMs: 3,
      state: 'passed',
      violations: [],
    },
    {
      id: 'crmcom/invoices_update#update-draft#request.required-fields',
      check: 'request.required-fields',
      title: 'Every required field is sent',
      suite: 'request-building',
      contract: 'crmcom/invoices_update',
      case: 'update-draft',
      durationMs: 4,
      state: 'passed',
      violations: [
        {
          rule: 'deprecated',
          path: '/invoice/notes',
          message: 'Received: "notes" / Documented: deprecated since v4; send "comments" instead.',
          severity: 'warning',
        },
      ],
    },
    {
      id: 'crmcom/invoices_update#settled-invoice#response.outcome-classified',
      check: 'response.outcome-classified',
      title: 'Response is classified into a documented outcome',
      suite: 'response-parsing',
      contract: 'crmcom/invoices_update',
      case: 'settled-invoice',
      durationMs: 5,
      state: 'failed',
      violations: [
        {
          rule: 'enum',
          path: '/error/code',
          message: 'Received: "INV_LOCKED" / Documented: one of "INVALID_STATE", "NOT_FOUND".',
          severity: 'error',
          params: { allowedValues: ['INVALID_STATE', 'NOT_FOUND'], received: 'INV_LOCKED' },
        },
        {
          rule: 'status',
          path: 'status',
          message: 'Received: 423 / Documented: 409 for a settled invoice.',
          severity: 'error',
        },
      ],
      reproduce:
        'conformance parse crmcom/invoices_update --response recordings/crmcom/invoices_update/settled-invoice.har --status 423',
    },
    {
      id: 'crmcom/invoices_update#contract#contract.examples-consistent',
      check: 'contract.examples-consistent',
      title: 'Documented examples agree with the field table',
      suite: 'contract',
      contract: 'crmcom/invoices_update',
      case: null,
      durationMs: 0,
      state: 'skipped',
      reason: 'The contract has no documented examples.',
    },
  ],
  coverage: [
    { contract: 'centra/invoices_Update', total: 2, covered: 1, items: [
      { kind: 'field', id: 'request /login/username', passing: ['update-ok'], failing: ['mutation:required'], missed: [], covered: true },
      { kind: 'rule', id: 'rule some-rule', passing: ['update-ok'], failing: [], missed: [], covered: false },
    ] },
  ],
  findings: [
    {
      id: 'centra.example-line-total',
      contract: 'centra/invoices_Update',
      title: 'Example line total does not equal price × quantity',
      location: 'vendor-docs/centra/invoices_Update.md:142',
      evidence: 'Quantity 3 × UnitPrice 10.00 = 30.00, but the example shows LineTotal 33.00.',
    },
  ],
  warnings: [{ message: 'Recording is older than the contract; re-record it.', contract: 'crmcom/invoices_update' }],
};
