/** Stable codes of expected, user-facing errors. Each gives exit code 2. */
export type SuiteErrorCode =
  | 'USAGE'
  | 'CONTRACT_INVALID'
  | 'CONTRACT_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'INPUT_INVALID'
  | 'RECORDING_INVALID'
  | 'REPORTER_INVALID'
  | 'CREDENTIALS_INVALID'
  | 'SECRET_LEAK'
  | 'RULE_BUDGET';

/** An expected error (bad flag, unreadable or invalid file). Printed without a stack trace; exit 2. */
export class SuiteError extends Error {
  readonly code: SuiteErrorCode;
  /** Extra lines printed under the message, e.g. one per contract problem. */
  readonly details: readonly string[];

  constructor(code: SuiteErrorCode, message: string, options: { cause?: unknown; details?: readonly string[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SuiteError';
    this.code = code;
    this.details = options.details ?? [];
  }
}

/** Narrow an unknown throwable to a {@link SuiteError}. */
export function isSuiteError(error: unknown): error is SuiteError {
  return error instanceof SuiteError;
}
