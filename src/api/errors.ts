// The API's one error shape, {"error": {"code", "message", "field"?}}, and the mapping from
// thrown errors to it: validation (400, naming the field), auth (401/403), missing rows (404),
// anything unexpected (500, logged, never with a stack or internal detail in the response);
// request bounds: 413, 414, 429, 431.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { ReadoutError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

export type ErrorCode = 'validation' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'internal'
  // Request bounds (limits.ts, rate-limit.ts, http-guard.ts) and /health when the store is down.
  | 'payload_too_large' | 'uri_too_long' | 'header_too_large' | 'rate_limited' | 'unavailable';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, field?: string) => new ApiError(400, 'validation', message, field);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);

export function errorBody(code: ErrorCode, message: string, field?: string): ErrorBody {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

/** The first zod issue as a 400: "limit: Too big: expected number to be <=500", field "limit". */
export function validationError(error: ZodError, target: string): ApiError {
  const issue = error.issues[0];
  const field = issue && issue.path.length ? issue.path.map(String).join('.') : target;
  return badRequest(`${field}: ${issue?.message ?? 'invalid'}`, field);
}

/** A ReadoutError's message without the "store: " prefix the store adds. */
function plain(message: string): string {
  return message.replace(/^store: /, '');
}

/** Maps anything thrown by a handler to a status and the error body. */
export function toErrorResponse(err: unknown, c: Context, logger: Logger): Response {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.field), err.status);
  if (err instanceof ReadoutError && err.code === 'input') {
    // The store signals a missing row as ReadoutError('input', '… not found').
    if (/not found$/.test(err.message)) return c.json(errorBody('not_found', plain(err.message)), 404);
    const field = /^--?([a-z][a-z-]*)\b/.exec(err.message)?.[1];
    return c.json(errorBody('validation', plain(err.hint ? `${err.message} (${err.hint})` : err.message), field), 400);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return c.json(errorBody(status === 401 ? 'unauthorized' : status === 404 ? 'not_found' : status < 500 ? 'validation' : 'internal', err.message || 'request failed'), status);
  }
  logger.error({ stage: 'api', method: c.req.method, path: c.req.path, err: err instanceof Error ? (err.stack ?? err.message) : String(err) }, 'api: request failed');
  return c.json(errorBody('internal', 'internal error; see the server log'), 500);
}
