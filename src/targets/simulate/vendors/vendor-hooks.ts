import type { StoredInvoice } from '../sim-types.ts';

/**
 * What a contract cannot say about a vendor's simulator: how the vendor forms a new lock token,
 * and which values of the updated invoice its success body repeats. Every hook is optional.
 */
export interface VendorHooks {
  /** The invoice's next optimistic-lock token. @default a counter */
  nextToken?(previous: string | undefined): string;
  /** The entry an update appends to the notes for the sent text. @default the text as sent */
  noteEntry?(text: string): string;
  /**
   * Dotted response paths to fill in the success body, from the updated invoice(s); `recorded` are
   * the bodies of the contract's recorded successes (what the vendor's catalogue looks like).
   */
  successFills?(invoices: readonly StoredInvoice[], recorded: readonly string[]): Record<string, unknown>;
}

let counter = 0;

/** The default lock token: a fresh opaque value every time. */
export function counterToken(): string {
  counter++;
  return `sim-${Date.now().toString(36)}-${counter}`;
}
