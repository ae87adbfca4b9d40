/**
 * Thrown when a check reads a part of its context that captured traffic does not have (the
 * request built from a case input, what a target answered, the case's expected outcome). The
 * engine reports the check as not applicable instead of failing it.
 */
export class NotApplicable extends Error {
  /** What the check needed, e.g. "the request built from a case input". */
  readonly needs: string;

  constructor(needs: string) {
    // Control flow, thrown for every check that reads what a capture lacks (thousands in a large
    // capture): a stack would only cost time.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`not applicable to captured traffic: needs ${needs}`);
    Error.stackTraceLimit = limit;
    this.name = 'NotApplicable';
    this.needs = needs;
  }
}

/** A property getter that throws {@link NotApplicable}. */
export function unavailable(needs: string): PropertyDescriptor {
  return {
    enumerable: false,
    get() {
      throw new NotApplicable(needs);
    },
  };
}
