import { describe, it, expect } from 'vitest';
import { isReadoutError } from '../core/errors.js';
import { canonicalUrl, isHttpUrl, isTrackingParam, parseFetchUrl } from './url.js';

describe('canonicalUrl', () => {
  it('lower-cases scheme and host but not the path', () => {
    expect(canonicalUrl('HTTPS://Example.ORG/News/Story')).toBe('https://example.org/News/Story');
  });

  it('drops default ports and keeps others', () => {
    expect(canonicalUrl('http://example.org:80/a')).toBe('http://example.org/a');
    expect(canonicalUrl('https://example.org:443/a')).toBe('https://example.org/a');
    expect(canonicalUrl('https://example.org:8443/a')).toBe('https://example.org:8443/a');
  });

  it('drops the fragment', () => {
    expect(canonicalUrl('https://example.org/a#comments')).toBe('https://example.org/a');
  });

  it('strips tracking parameters and keeps the rest in order, encoding untouched', () => {
    expect(
      canonicalUrl('https://example.org/a?utm_source=x&id=7&fbclid=abc&page=2&UTM_Medium=y&q=a%20b&gclid=1&mc_cid=2&mc_eid=3'),
    ).toBe('https://example.org/a?id=7&page=2&q=a%20b');
    expect(canonicalUrl('https://example.org/a?igshid=1&ref_src=twsrc&_ga=2&yclid=3&msclkid=4&b=1&a=2')).toBe(
      'https://example.org/a?b=1&a=2',
    );
  });

  it('removes a query that only held tracking parameters, and a bare trailing ?', () => {
    expect(canonicalUrl('https://example.org/a?utm_campaign=spring')).toBe('https://example.org/a');
    expect(canonicalUrl('https://example.org/a?')).toBe('https://example.org/a');
    expect(canonicalUrl('https://example.org/a?&&')).toBe('https://example.org/a');
  });

  it('keeps parameters that merely look similar', () => {
    expect(canonicalUrl('https://example.org/a?ref=home&utm=1&source=rss')).toBe('https://example.org/a?ref=home&utm=1&source=rss');
  });

  it('adds the root path, removes a trailing dot on the host, and is idempotent', () => {
    expect(canonicalUrl('https://Example.org.')).toBe('https://example.org/');
    const once = canonicalUrl('HTTP://www.Example.org:80/x/../y?utm_term=t&k=v#top');
    expect(once).toBe('http://www.example.org/y?k=v');
    expect(canonicalUrl(once)).toBe(once);
  });

  it('throws a ReadoutError for relative or invalid input', () => {
    expect(() => canonicalUrl('/relative/path')).toThrow(/Not an absolute URL/);
    try {
      canonicalUrl('not a url');
    } catch (err) {
      expect(isReadoutError(err, 'input')).toBe(true);
    }
  });
});

describe('isHttpUrl', () => {
  it('accepts absolute http(s) URLs only', () => {
    expect(isHttpUrl('https://example.org/feed.xml')).toBe(true);
    expect(isHttpUrl('http://127.0.0.1:8080/')).toBe(true);
    expect(isHttpUrl('ftp://example.org/')).toBe(false);
    expect(isHttpUrl('file:///etc/passwd')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('/feed.xml')).toBe(false);
    expect(isHttpUrl('')).toBe(false);
  });
});

describe('isTrackingParam', () => {
  it('knows the utm_ family and common click ids', () => {
    for (const p of ['utm_source', 'utm_content', 'fbclid', 'gclid', 'msclkid', '_ga']) expect(isTrackingParam(p)).toBe(true);
    for (const p of ['id', 'page', 'q', 'ref']) expect(isTrackingParam(p)).toBe(false);
  });
});

describe('parseFetchUrl', () => {
  it('refuses non-http schemes with code ssrf and drops the fragment', () => {
    expect(() => parseFetchUrl('file:///etc/passwd')).toThrow(expect.objectContaining({ code: 'ssrf' }));
    expect(() => parseFetchUrl('gopher://example.org/')).toThrow(expect.objectContaining({ code: 'ssrf' }));
    expect(() => parseFetchUrl('nonsense')).toThrow(expect.objectContaining({ code: 'fetch' }));
    expect(parseFetchUrl('https://example.org/a#b').href).toBe('https://example.org/a');
  });
});
