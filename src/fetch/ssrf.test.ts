// No packets leave the machine here: addresses are classified as strings and DNS is faked.
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { describe, it, expect } from 'vitest';
import { isReadoutError } from '../core/errors.js';
import { assertLiteralHostAllowed, classifyAddress, createAddressPolicy, guardedLookup } from './ssrf.js';

describe('classifyAddress', () => {
  it('treats globally routable unicast as public', () => {
    for (const a of ['93.184.216.34', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e']) {
      expect(classifyAddress(a), a).toBe('public');
    }
  });

  it('refuses loopback, private, link-local, metadata, CGNAT, multicast and friends', () => {
    const cases: Record<string, string> = {
      '127.0.0.1': 'loopback',
      '127.255.1.2': 'loopback',
      '10.1.2.3': 'private',
      '172.16.0.1': 'private',
      '172.31.255.255': 'private',
      '192.168.1.1': 'private',
      '169.254.169.254': 'linkLocal',
      '100.64.0.1': 'carrierGradeNat',
      '0.0.0.0': 'unspecified',
      '0.1.2.3': 'unspecified',
      '224.0.0.1': 'multicast',
      '255.255.255.255': 'broadcast',
      '192.0.2.5': 'reserved',
      '240.0.0.1': 'reserved',
      '::1': 'loopback',
      '::': 'unspecified',
      'fe80::1': 'linkLocal',
      'fc00::1': 'uniqueLocal',
      'fd12:3456::1': 'uniqueLocal',
      'ff02::1': 'multicast',
      '2001:db8::1': 'reserved',
    };
    for (const [address, range] of Object.entries(cases)) expect(classifyAddress(address), address).toBe(range);
  });

  it('sees through IPv4 embedded in IPv6', () => {
    expect(classifyAddress('::ffff:127.0.0.1')).toBe('loopback');
    expect(classifyAddress('::ffff:169.254.169.254')).toBe('linkLocal');
    expect(classifyAddress('::ffff:8.8.8.8')).toBe('public');
    expect(classifyAddress('64:ff9b::a00:1')).toBe('private'); // NAT64 of 10.0.0.1
    expect(classifyAddress('64:ff9b::808:808')).toBe('public'); // NAT64 of 8.8.8.8
    expect(classifyAddress('2002:7f00:1::')).toBe('loopback'); // 6to4 of 127.0.0.1
  });

  it('does not accept non-canonical IPv4 spellings as addresses', () => {
    expect(classifyAddress('0x7f.1')).toBe('invalid');
    expect(classifyAddress('example.org')).toBe('invalid');
  });
});

describe('createAddressPolicy', () => {
  it('refuses private addresses unless allowed by IP, CIDR or host name', () => {
    const policy = createAddressPolicy(['127.0.0.1', '10.20.0.0/16', 'Intranet.Example', '*.corp.example', 'fd00::/8']);
    expect(policy.check('x', '127.0.0.1')).toBeNull();
    expect(policy.check('x', '::ffff:127.0.0.1')).toBeNull();
    expect(policy.check('x', '127.0.0.2')).toBe('loopback');
    expect(policy.check('x', '10.20.3.4')).toBeNull();
    expect(policy.check('x', '10.21.3.4')).toBe('private');
    expect(policy.check('intranet.example', '192.168.0.9')).toBeNull();
    expect(policy.check('wiki.corp.example', '192.168.0.9')).toBeNull();
    expect(policy.check('corp.example.evil', '192.168.0.9')).toBe('private');
    expect(policy.check('x', 'fd00::5')).toBeNull();
    expect(policy.check('x', '169.254.169.254')).toBe('linkLocal');
    expect(policy.check('x', '8.8.8.8')).toBeNull();
  });

  it('rejects a malformed CIDR in the config', () => {
    expect(() => createAddressPolicy(['10.0.0.0/33'])).toThrow(expect.objectContaining({ code: 'config' }));
  });

  it('checks literal-IP URLs without DNS', () => {
    const policy = createAddressPolicy([]);
    for (const u of ['http://127.0.0.1/', 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:8080/', 'http://2130706433/']) {
      expect(() => assertLiteralHostAllowed(policy, new URL(u)), u).toThrow(expect.objectContaining({ code: 'ssrf' }));
    }
    expect(() => assertLiteralHostAllowed(policy, new URL('http://8.8.8.8/'))).not.toThrow();
    expect(() => assertLiteralHostAllowed(policy, new URL('http://example.org/'))).not.toThrow();
  });
});

function fakeDns(table: Record<string, string[]>): LookupFunction {
  return (hostname, _options, callback) => {
    const addresses = table[hostname];
    if (!addresses) {
      callback(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), '', 0);
      return;
    }
    const all: LookupAddress[] = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    callback(null, all);
  };
}

function resolve(lookup: LookupFunction, host: string, all: boolean): Promise<unknown> {
  return new Promise((res, rej) => lookup(host, { all }, (err, address, family) => (err ? rej(err) : res(all ? address : [address, family]))));
}

describe('guardedLookup', () => {
  const dns = fakeDns({
    'public.test': ['93.184.216.34', '2606:2800:220:1::1'],
    'metadata.test': ['169.254.169.254'],
    'rebind.test': ['93.184.216.34', '127.0.0.1'],
  });
  const lookup = guardedLookup(createAddressPolicy([]), dns);

  it('passes public answers through in both callback shapes', async () => {
    await expect(resolve(lookup, 'public.test', true)).resolves.toHaveLength(2);
    await expect(resolve(lookup, 'public.test', false)).resolves.toEqual(['93.184.216.34', 4]);
  });

  it('fails with ssrf when any answer is private', async () => {
    for (const host of ['metadata.test', 'rebind.test']) {
      const err = await resolve(lookup, host, false).catch((e: unknown) => e);
      expect(isReadoutError(err, 'ssrf'), host).toBe(true);
    }
  });

  it('passes DNS errors through unchanged', async () => {
    await expect(resolve(lookup, 'missing.test', false)).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});
