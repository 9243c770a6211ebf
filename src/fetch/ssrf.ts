// SSRF guard. Readout fetches URLs that come from feeds and pages written by strangers, so a
// URL must never make it talk to the machine it runs on, the LAN or a cloud metadata service.
// The check runs on the address actually connected to (inside DNS lookup, so rebinding cannot
// slip a private address in after a "public" pre-check), on literal-IP hosts, and once more on
// the connected socket's remote address.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { ReadoutError } from '../core/errors.js';

type IP = ipaddr.IPv4 | ipaddr.IPv6;

/** The only IPv6 block that is globally routed unicast (RFC 4291 / IANA). */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

/**
 * 'public' for a globally routable unicast address, otherwise the name of the range that makes
 * it off-limits ('loopback', 'private', 'linkLocal', 'carrierGradeNat', 'uniqueLocal', ...),
 * or 'invalid' if `address` is not an IP address.
 */
export function classifyAddress(address: string): string {
  const ip = parseIp(address);
  if (!ip) return 'invalid';
  return classifyIp(ip);
}

function classifyIp(ip: IP): string {
  if (ip.kind() === 'ipv4') {
    const range = ip.range();
    return range === 'unicast' ? 'public' : range;
  }
  const v6 = ip as ipaddr.IPv6;
  const range = v6.range();
  // Translation prefixes carry an IPv4 address: judge the address they lead to.
  if (range === 'rfc6052' && v6.match(NAT64_WELL_KNOWN)) return classifyIp(embeddedV4(v6, 6));
  if (range === '6to4') return classifyIp(embeddedV4(v6, 1));
  if (range !== 'unicast') return range;
  return v6.match(GLOBAL_UNICAST_V6) ? 'public' : 'reserved';
}

/** The IPv4 address stored in two 16-bit parts of an IPv6 address, starting at part `at`. */
function embeddedV4(v6: ipaddr.IPv6, at: number): ipaddr.IPv4 {
  const hi = v6.parts[at] ?? 0;
  const lo = v6.parts[at + 1] ?? 0;
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

/** Strict parse (net.isIP, not ipaddr's lenient "0x7f.1" forms); IPv4-mapped IPv6 becomes IPv4. */
function parseIp(address: string): IP | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIP(bare) === 0) return null;
  return ipaddr.process(bare);
}

export interface AddressPolicy {
  /** Null if `hostname` may be reached at `address`, else the reason it may not. */
  check(hostname: string, address: string): string | null;
}

/** Builds the policy from `allowPrivate` entries: IPs, CIDRs, host names or ".suffix"/"*.suffix". */
export function createAddressPolicy(allowPrivate: readonly string[]): AddressPolicy {
  const ranges: [IP, number][] = [];
  const hosts = new Set<string>();
  const suffixes: string[] = [];
  for (const raw of allowPrivate) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const [addr = '', bits] = entry.split('/');
    const ip = parseIp(addr);
    if (ip) {
      const full = ip.kind() === 'ipv4' ? 32 : 128;
      const prefix = bits === undefined ? full : Number(bits);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > full) {
        throw new ReadoutError('config', `Invalid CIDR in fetch.allowPrivate: ${raw}`, { hint: 'Use e.g. 10.0.0.0/8 or fd00::/8.' });
      }
      ranges.push([ip, prefix]);
    } else if (entry.startsWith('*.') || entry.startsWith('.')) {
      suffixes.push(entry.slice(entry.indexOf('.')));
    } else {
      hosts.add(entry.replace(/\.$/, ''));
    }
  }

  const hostAllowed = (hostname: string): boolean => {
    const h = hostname.toLowerCase().replace(/\.$/, '');
    return hosts.has(h) || suffixes.some((s) => h.endsWith(s));
  };

  return {
    check(hostname, address) {
      const ip = parseIp(address);
      if (!ip) return 'invalid';
      const cls = classifyIp(ip);
      if (cls === 'public') return null;
      if (hostAllowed(hostname)) return null;
      if (ranges.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return null;
      return cls;
    },
  };
}

export function ssrfError(hostname: string, address: string, reason: string): ReadoutError {
  const shown = hostname === address ? address : `${hostname} (${address})`;
  return new ReadoutError('ssrf', `Refusing to connect to ${shown}: ${reason} address`, {
    hint: 'Readout only fetches public addresses; add the host, IP or CIDR to fetch.allowPrivate if this is intended.',
  });
}

/** Throws ReadoutError('ssrf') if the URL's host is a literal IP the policy refuses (no DNS involved). */
export function assertLiteralHostAllowed(policy: AddressPolicy, url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) === 0) return;
  const reason = policy.check(host, host);
  if (reason) throw ssrfError(host, host, reason);
}

/**
 * Wraps a DNS lookup so that a name resolving to any refused address fails with
 * ReadoutError('ssrf') before a single packet is sent to it. Mixed public/private answers
 * are refused as a whole: that is what a rebinding attack looks like.
 */
export function guardedLookup(policy: AddressPolicy, base: LookupFunction = dnsLookup as LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { ...options, all: true }, (err, result, family) => {
      if (err) {
        callback(err, '', 0);
        return;
      }
      const list: LookupAddress[] = Array.isArray(result) ? result : [{ address: result, family: family ?? isIP(result) }];
      if (list.length === 0) {
        callback(Object.assign(new Error(`No addresses for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        return;
      }
      for (const entry of list) {
        const reason = policy.check(hostname, entry.address);
        if (reason) {
          callback(ssrfError(hostname, entry.address, reason), '', 0);
          return;
        }
      }
      if (options.all) callback(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
