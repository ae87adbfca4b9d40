import type { Exchange, HttpRequest } from '../model/http.ts';

/** Why a request got no usable response. */
export type SendFailureKind = 'unmatched' | 'timeout' | 'network' | 'too-large' | 'body-encoding';

/** The result of sending one request through a target. */
export type SendResult =
  | { readonly ok: true; readonly exchange: Exchange }
  | { readonly ok: false; readonly kind: SendFailureKind; readonly problem: string };

/** Where requests go: replay (msw), simulate (loopback servers) or live. One small interface. */
export interface Target {
  readonly name: string;
  /** Base URL requests for this contract are sent to. */
  baseUrl(contractId: string): string;
  send(request: HttpRequest): Promise<SendResult>;
  close(): Promise<void>;
}
