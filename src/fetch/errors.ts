// Turning what can go wrong on the network into ReadoutErrors that name the URL and say what
// to do. The scheduler decides on retries from `code` (and `status` for HTTP errors).
import { ReadoutError } from '../core/errors.js';

/** A response with a status other than 2xx/304 (or a redirect we could not follow). */
export class HttpStatusError extends ReadoutError {
  readonly status: number;
  readonly url: string;
  /** From Retry-After on 429/503, in ms from the response; null if absent or unparsable. */
  readonly retryAfterMs: number | null;

  constructor(url: string, status: number, options: { retryAfterMs?: number | null; detail?: string } = {}) {
    super('http', `HTTP ${status} from ${url}${options.detail ? `: ${options.detail}` : ''}`, { hint: statusHint(status) });
    this.name = 'HttpStatusError';
    this.status = status;
    this.url = url;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

export function isHttpStatusError(err: unknown): err is HttpStatusError {
  return err instanceof HttpStatusError;
}

function statusHint(status: number): string {
  if (status === 404 || status === 410) return 'The document is gone; check the URL or remove the source.';
  if (status === 401 || status === 403) return 'The site refuses this request (login or bot blocking); check the URL in a browser.';
  if (status === 429) return 'The site is rate-limiting Readout; raise fetch.minDelay or poll less often.';
  if (status >= 500) return 'The server had a problem; Readout will retry later.';
  if (status >= 300 && status < 400) return 'The redirect could not be followed; check the URL in a browser.';
  return 'Check the URL in a browser.';
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** The first ReadoutError in an error's cause chain (undici may wrap errors from our lookup). */
export function findReadoutError(err: unknown): ReadoutError | null {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof ReadoutError) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return null;
}

function errorCode(err: unknown): string {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return '';
}

const TLS_CODES = /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_SSL_)/;

export interface TimeoutSettings {
  connectTimeoutMs: number;
  readTimeoutMs: number;
}

/** Maps any error thrown while fetching `url` to a ReadoutError (ReadoutErrors pass through). */
export function toFetchError(err: unknown, url: string, t: TimeoutSettings): ReadoutError {
  const known = findReadoutError(err);
  if (known) return known;
  const code = errorCode(err);
  const detail = err instanceof Error ? err.message : String(err);
  const fail = (message: string, hint: string): ReadoutError => new ReadoutError('fetch', message, { hint, cause: err });
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new ReadoutError('timeout', `Connecting to ${url} timed out after ${t.connectTimeoutMs} ms`, {
        hint: 'The host is down or unreachable; raise fetch.connectTimeout if it is just slow.',
        cause: err,
      });
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return new ReadoutError('timeout', `${url} sent nothing for ${t.readTimeoutMs} ms`, {
        hint: 'The server stalled; raise fetch.readTimeout if it is just slow.',
        cause: err,
      });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return fail(`Host of ${url} not found`, 'Check the host name for typos and your DNS settings.');
    case 'ECONNREFUSED':
      return fail(`Connection to ${url} refused`, 'Nothing listens on that port; check the URL.');
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return fail(`Connection to ${url} closed unexpectedly: ${detail}`, 'The server dropped the connection; Readout will retry later.');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return fail(`${url} is unreachable (${code})`, 'Check your network connection.');
    default:
      if (TLS_CODES.test(code)) {
        return fail(`TLS error for ${url}: ${detail}`, 'The site has an invalid or untrusted certificate; check it in a browser.');
      }
      return fail(`Fetching ${url} failed: ${detail}${code ? ` (${code})` : ''}`, 'Check the URL in a browser; Readout will retry later.');
  }
}
