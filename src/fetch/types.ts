// The one HTTP layer: every network request in Readout goes through a Fetcher.
import type { RawResponse } from '../core/types.js';

export interface FetchOptions {
  userAgent: string;
  /** Minimum delay between two requests to the same host (per-host concurrency is always 1). */
  minDelayMs: number;
  connectTimeoutMs: number;
  /** Maximum time between two chunks of the body (and for the headers after connecting). */
  readTimeoutMs: number;
  /**
   * Hard limit for one fetch() from call to last byte (robots.txt, waiting for the host,
   * redirects and every body included), so a server dripping one byte just under readTimeoutMs
   * cannot hold a worker forever; config keeps it under the job lease. Default:
   * connectTimeoutMs + 4 × readTimeoutMs.
   */
  totalTimeoutMs?: number;
  maxBodyBytes: number;
  maxRedirects: number;
  respectRobots: boolean;
  robotsCacheMs: number;
  /**
   * Addresses/hosts allowed even though private/loopback/link-local/metadata: IPs ("127.0.0.1"),
   * CIDRs ("10.0.0.0/8") or host names. Everything else non-public is refused (SSRF guard).
   */
  allowPrivate: string[];
}

export interface FetchRequest {
  url: string;
  /** Validators from an earlier response, for conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface FetchResult extends RawResponse {
  /** True on 304 Not Modified (body is empty). */
  notModified: boolean;
  /** Every URL visited before finalUrl (empty when there was no redirect). */
  redirects: string[];
  /** ETag / Last-Modified of the response; on a 304 without them, the request's validators. */
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
}

export interface Fetcher {
  /** Resolves for 2xx and 304; throws ReadoutError (code robots|ssrf|timeout|too-large|redirects|http|fetch) otherwise. */
  fetch(request: FetchRequest): Promise<FetchResult>;
  /** The hosts (per-host keys, see hostKey()) a request would wait for now. */
  busyHosts?(): string[];
  close(): Promise<void>;
}
