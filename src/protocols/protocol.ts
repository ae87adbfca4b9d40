import type { XmlElement } from '../codec/xml/xml-element.ts';
import type { Contract, ProtocolName } from '../types/contract.ts';
import type { Violation } from '../model/violation.ts';
import type { VendorObject, VendorValue } from '../mapping/vendor-value.ts';
import type { SchemaFlavor } from './shared/fields-to-schema.ts';

/** What the mapping produced for one request: SOAP header blocks (if any) and the body. */
export interface RequestPayload {
  readonly header?: VendorObject;
  readonly body: VendorObject;
}

/** A message body read by a protocol. `unreadable` carries why (malformed, hostile, too large). */
export type MessageBody =
  | {
      readonly kind: 'xml';
      readonly root: XmlElement;
      /** The SOAP Body's child, or the XML document element. */
      readonly payload: XmlElement | undefined;
      readonly header: XmlElement | undefined;
      readonly fault: boolean;
      /** Envelope-level departures (wrong SOAP version, no Body). */
      readonly violations: readonly Violation[];
    }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'empty' }
  | { readonly kind: 'unreadable'; readonly problem: Violation };

/** A request body decoded back to data, for validation against the contract. */
export interface DecodedRequest {
  readonly header?: VendorValue;
  readonly body: VendorValue;
  readonly violations: readonly Violation[];
}

/** The only per-protocol code: serialize a payload, read a message, decode a request. */
export interface Protocol {
  readonly name: ProtocolName;
  readonly flavor: SchemaFlavor;
  serialize(contract: Contract, payload: RequestPayload): string;
  /**
   * Read a message body. `parsed` is the body's document element when the caller has already parsed
   * this very body with `parseXml` and its default limits (processing instructions forbidden or
   * not: a body that parsed with them forbidden parses to the same tree with them allowed); the
   * body is then not parsed again. A JSON protocol ignores it.
   */
  readMessage(body: string, parsed?: XmlElement): MessageBody;
  decodeRequest(contract: Contract, message: MessageBody): DecodedRequest;
}
