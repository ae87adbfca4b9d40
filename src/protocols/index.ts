import type { ProtocolName } from '../types/contract.ts';
import { assertNever } from '../model/result.ts';
import { json } from './json.ts';
import type { Protocol } from './protocol.ts';
import { soap11 } from './soap11.ts';
import { xml } from './xml.ts';

/** The protocol implementation for a contract's `protocol`. */
export function protocolFor(name: ProtocolName): Protocol {
  switch (name) {
    case 'soap11':
      return soap11;
    case 'json':
      return json;
    case 'xml':
      return xml;
    default:
      return assertNever(name);
  }
}
