// One error convention for the whole app: expected failures are ReadoutErrors with a code,
// a message naming what failed, and a hint saying what the user can do about it.
// Unexpected errors are caught at stage boundaries, recorded on the job/source, and never
// kill the process.

export type ErrorCode =
  | 'config'
  | 'input'
  | 'fetch'
  | 'robots'
  | 'ssrf'
  | 'timeout'
  | 'too-large'
  | 'redirects'
  | 'http'
  | 'parse'
  | 'extract'
  | 'store'
  | 'schema';

export class ReadoutError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ReadoutError';
    this.code = code;
    this.hint = options.hint;
  }
}

/** A one-line description of any thrown value, for logs, job records and source health. */
export function describeError(err: unknown): string {
  if (err instanceof ReadoutError) return err.hint ? `${err.message} (${err.hint})` : err.message;
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

export function isReadoutError(err: unknown, code?: ErrorCode): err is ReadoutError {
  return err instanceof ReadoutError && (code === undefined || err.code === code);
}
