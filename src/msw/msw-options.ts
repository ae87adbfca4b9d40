import type { Seed } from '../targets/simulate/load-seed.ts';

/** What a non-conforming request does to the test. */
export type OnViolation = 'respond' | 'throw' | 'collect';

/** Options of {@link vendorHandlers}. */
export interface VendorHandlersOptions {
  /** Contract files or folders. @default the contracts shipped with the package */
  readonly contracts?: string | readonly string[];
  /** Recordings whose documented bodies the simulators answer with. @default the shipped recordings */
  readonly recordings?: string;
  /** Only these vendors (e.g. `['ebizcharge', 'crmcom']`). @default every contract's vendor */
  readonly vendors?: readonly string[];
  /**
   * Base URL per vendor or contract id that the handlers intercept, e.g. `{ ebizcharge: 'https://soap.ebizcharge.net' }`.
   * @default each contract's `transport.replayBaseUrl` (e.g. https://ebizcharge.replay.invalid)
   */
  readonly baseUrls?: Readonly<Record<string, string>>;
  /**
   * Credentials the mocks accept, per vendor or contract id, by the contract's credential names
   * (e.g. `{ crmcom: { token: 't0k3n' } }`). @default the contracts' public simulator test credentials
   */
  readonly credentials?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** A seed (object or JSON/YAML file) replacing the default seed of the vendors it names. @default the documented default seed */
  readonly seed?: Seed | string;
  /**
   * `collect`: answer as the simulator does (the vendor's documented refusal for what it refuses) and keep the
   * violations for `assertConformant()`. `respond`: like collect, but a non-conforming request the simulator
   * would have accepted is answered 400 with the violations as text. `throw`: the handler throws a
   * ConformanceViolationError (msw answers 500 with its message); it is kept as well.
   * @default 'collect'
   */
  readonly onViolation?: OnViolation;
  /** Answer each response in another of its legal serializations (the corpus variants), in turn. @default false */
  readonly variants?: boolean;
  /**
   * Treat the departures the vendors' stacks accept (an unquoted SOAPAction, `text/xml` for InvoiceXpress,
   * whitespace around a boolean...) as failures, as `simulate --strict` does: the simulators refuse them
   * and the request does not conform. @default false (they are kept as warnings with the reason)
   */
  readonly strict?: boolean;
}
