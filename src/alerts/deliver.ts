// Push deliveries of an alert: a webhook (JSON POST signed with the rule's secret); the JSON
// line appended to an operator's log sink is in log-sink.ts. Run by `deliver` jobs (src/alerts/evaluate.ts), whose
// retries with growing delays come from the jobs table.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ReadoutError } from '../core/errors.js';
import { assertLiteralHostAllowed, createAddressPolicy, guardedLookup } from '../fetch/ssrf.js';

export const SIGNATURE_HEADER = 'X-Readout-Signature';
export const TIMESTAMP_HEADER = 'X-Readout-Timestamp';

/**
 * `sha256=<hex HMAC-SHA256 of the body>` with the rule's secret. The body carries the same
 * timestamp as the X-Readout-Timestamp header (`sentAt`), so a receiver can refuse replays.
 */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Constant-time check of a signature header against the body (for receivers and tests). */
export function verifySignature(body: string, secret: string, header: string | undefined | null): boolean {
  if (!header) return false;
  const want = Buffer.from(signBody(body, secret));
  const got = Buffer.from(header.trim());
  return want.length === got.length && timingSafeEqual(want, got);
}

export interface WebhookResult {
  status: number;
}

/** A delivery failure; permanent ones (4xx but 408/429, refused addresses) are not retried. */
export class DeliveryError extends ReadoutError {
  constructor(message: string, readonly permanent: boolean, readonly status: number | null = null) {
    super('fetch', message);
  }
}

export interface WebhookOptions {
  timeoutMs: number;
  /** fetch.allowPrivate: private addresses a webhook may reach (as for fetching). */
  allowPrivate: readonly string[];
  userAgent: string;
  now?: () => Date;
}

/** POSTs the signed JSON body; resolves on 2xx, throws DeliveryError otherwise. */
export async function postWebhook(url: string, secret: string, body: string, options: WebhookOptions): Promise<WebhookResult> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new DeliveryError(`webhook url must be http(s): ${url}`, true);
  const policy = createAddressPolicy(options.allowPrivate);
  try {
    assertLiteralHostAllowed(policy, target);
  } catch (err) {
    throw new DeliveryError((err as Error).message, true);
  }
  const timestamp = String(Math.floor((options.now?.() ?? new Date()).getTime() / 1000));
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'user-agent': options.userAgent,
    [SIGNATURE_HEADER.toLowerCase()]: signBody(body, secret),
    [TIMESTAMP_HEADER.toLowerCase()]: timestamp,
  };
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<WebhookResult>((resolve, reject) => {
    const req = send(target, { method: 'POST', headers, lookup: guardedLookup(policy), timeout: options.timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve({ status });
        else reject(new DeliveryError(`webhook ${target.host} answered HTTP ${status}`, status >= 400 && status < 500 && status !== 408 && status !== 429, status));
      });
      res.on('error', (err) => reject(new DeliveryError(`webhook ${target.host}: ${err.message}`, false)));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', (err) => {
      const permanent = err instanceof ReadoutError && err.code === 'ssrf';
      reject(new DeliveryError(`webhook ${target.host}: ${err.message}`, permanent));
    });
    req.end(body);
  });
}
