import { behaviourCheck } from '../behaviour-check.ts';

/** Centra: an empty element blanks a stored value, where an omitted one leaves it unchanged. */
export const partialUpdate = behaviourCheck('partial-update', 'request-building', 'Partial update: empty elements would blank stored values (warning)');

/** EBizCharge: "Omitting a field might clear its value." */
export const omitClears = behaviourCheck('omit-clears', 'request-building', 'Omitted fields may be cleared by the update (warning)');

/** InvoiceXpress: an existing client keeps its fields; only the name is used. */
export const clientAutoCreate = behaviourCheck('client-auto-create', 'request-building', 'Client fields besides the name are ignored for an existing client (warning)');
