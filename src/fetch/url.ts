// URL helpers shared by the fetcher and the rest of the pipeline. canonicalUrl() is what we
// de-duplicate articles on, so it must be stable: same article, same string.
import { ReadoutError } from '../core/errors.js';

/** Query parameters that only identify a campaign or click, never the content. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  'ref_src',
  'ref_url',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'hsctatracking',
  'vero_id',
  'vero_conv',
  'oly_anon_id',
  'oly_enc_id',
  'wickedid',
  'rb_clickid',
  's_cid',
  'ncid',
  'ocid',
  'sr_share',
]);

/** Prefixes of whole tracking families (utm_source, utm_medium, ..., pk_campaign, ...). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'piwik_', 'hmb_'];

export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p));
}

/** new URL() without throwing (URL.parse needs Node >= 20.18; engines allow 20.10). */
export function tryParseUrl(s: string, base?: string | URL): URL | null {
  try {
    return new URL(s, base);
  } catch {
    return null;
  }
}

/** True if `s` parses as an absolute http: or https: URL with a host. */
export function isHttpUrl(s: string): boolean {
  const url = tryParseUrl(s);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/**
 * Canonical form for de-duplication: lower-case scheme and host (URL does that), no default
 * port, no fragment, no trailing dot on the host, tracking parameters removed; the other
 * parameters keep their order and their original encoding (re-encoding could change meaning).
 * Throws ReadoutError('input') if `url` is not an absolute URL.
 */
export function canonicalUrl(url: string): string {
  const parsed = tryParseUrl(url.trim());
  if (!parsed) {
    throw new ReadoutError('input', `Not an absolute URL: ${url}`, { hint: 'Use a full URL such as https://example.org/page.' });
  }
  parsed.hash = '';
  if (parsed.hostname.endsWith('.') && parsed.hostname.length > 1) parsed.hostname = parsed.hostname.slice(0, -1);
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && !isTrackingParam(decodeParamName(part)));
  // Assigning '' also removes a bare trailing '?'.
  parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return parsed.href;
}

function decodeParamName(part: string): string {
  const eq = part.indexOf('=');
  const raw = (eq === -1 ? part : part.slice(0, eq)).replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // malformed escapes: compare the raw name
  }
}

/**
 * Parses a URL the fetcher is about to request. Only http: and https: are allowed: file:,
 * ftp:, data: and friends would reach things a web fetcher must not.
 */
export function parseFetchUrl(url: string): URL {
  const parsed = tryParseUrl(url);
  if (!parsed) {
    throw new ReadoutError('fetch', `Invalid URL: ${url}`, { hint: 'Use a full http(s) URL such as https://example.org/feed.xml.' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ReadoutError('ssrf', `Refusing ${parsed.protocol} URL: ${url}`, { hint: 'Only http: and https: URLs can be fetched.' });
  }
  if (parsed.username || parsed.password) {
    // Credentials in URLs end up in logs and archives; nothing in Readout needs them.
    throw new ReadoutError('fetch', `Refusing URL with embedded credentials: ${parsed.host}`, {
      hint: 'Remove the user:password@ part from the URL.',
    });
  }
  parsed.hash = ''; // fragments are never sent to the server
  return parsed;
}

/** The host name without IPv6 brackets, lower-case, as used for limiting and SSRF checks. */
/** A URL's per-host politeness key (what HostLimiter and job leasing use); null when it is no URL. */
export function hostKey(url: string): string | null {
  const parsed = tryParseUrl(url);
  return parsed ? bareHostname(parsed) : null;
}

export function bareHostname(url: URL): string {
  const h = url.hostname.toLowerCase();
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}
