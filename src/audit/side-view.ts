import type { ParsedResponse } from '../protocols/classify-response.ts';
import type { NormalizedBody } from './normalized-body.ts';

/** One side (baseline or current) of a case pair, read and classified. Holds no request data. */
export interface SideView {
  /** Recording path relative to its root, `<vendor>/<operation>/<case>.har`. */
  readonly file: string;
  readonly status: number;
  /** The response classified against its contract; undefined when the contract is unknown. */
  readonly parsed: ParsedResponse | undefined;
  readonly body: NormalizedBody;
}
