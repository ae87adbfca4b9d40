import type { HttpResponse } from '../../model/http.ts';
import type { VendorObject, VendorValue } from '../../mapping/vendor-value.ts';

/** The canonical invoice identifiers a contract maps request fields from (`invoice.<name>`). */
export const ID_NAMES = ['id', 'number', 'reference', 'internalId', 'backOfficeCode'] as const;

/** One identifier name. */
export type IdName = (typeof ID_NAMES)[number];

/** Identifiers of one invoice, as far as a request or a seed gives them. */
export type InvoiceIds = Partial<Record<IdName, string>>;

/** One line item as the simulator keeps it: its identity and the vendor fields last sent for it. */
export interface StoredItem {
  readonly id: string;
  readonly data: VendorValue;
}

/** One invoice in a simulator's store. Mutable: the simulator is stateful. */
export interface StoredInvoice {
  ids: InvoiceIds;
  state?: string;
  /** Optimistic-lock token (e.g. OpsPlanning's InvoiceTimestamp); changes on every update. */
  token?: string;
  items: StoredItem[];
  client?: string;
  notes?: string;
  /** The vendor fields last written (merged for partial updates, replaced where omitting clears). */
  fields: Record<string, VendorValue>;
  /** How many updates were applied. */
  updates: number;
}

/** A record a request addresses: its identifiers and the vendor data sent for it. */
export interface RecordRef {
  readonly ids: InvoiceIds;
  readonly data: VendorObject;
}

/** What the simulator decided to answer: a documented response, by name, with values filled in. */
export interface Answer {
  readonly response: string;
  /** Text for the response's `message` path (e.g. faultstring, status.message). */
  readonly message?: string;
  /** Values to write at dotted paths of the response body. */
  readonly fills?: Readonly<Record<string, unknown>>;
  /** Extra response headers (e.g. retry-after). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Answer with this case's recorded response as it is (scripted exchanges). */
  readonly exemplarCase?: string;
}

/**
 * An answer the simulator resolves to the contract's own documented response for the situation:
 * `breach` a request that breaks the contract (SOAP: a Client fault), `invalid` a request the
 * vendor refuses, `not-found` an unknown invoice, `auth` wrong or missing credentials.
 */
export interface GenericAnswer {
  readonly generic: 'breach' | 'invalid' | 'not-found' | 'auth';
  /** Text for the answer's message ('' keeps the vendor's recorded words). */
  readonly message: string;
  /** Why, in the suite's words: for the simulator log only. */
  readonly reason?: string;
}

/** Either a named documented response or a situation to resolve to one. */
export type Decision = Answer | GenericAnswer;

/** What a simulator sends back, plus which documented response it is (for logs and tests). */
export interface SimulatedResponse {
  readonly response: HttpResponse;
  readonly documented: string | null;
  /** Why the request was refused or did not conform, for the log line (never a secret). */
  readonly reason?: string;
  /**
   * Why, in the suite's words (check id, Received/Documented, warnings accepted): for the simulator
   * log and CI report, never for the vendor-shaped body.
   */
  readonly note?: string;
  /** The contract whose simulator answered, when one host serves several (see vendorSimulator). */
  readonly contract?: string;
}
