import { describe, expect, it } from 'vitest';
import { binaryKind, detectDocument } from './detect.js';

const b = (s: string): Buffer => Buffer.from(s);

describe('detectDocument', () => {
  it('sniffs the root element', () => {
    expect(detectDocument(b('<?xml version="1.0"?>\n<!-- x --><rss version="2.0"><channel/></rss>'))).toBe('feed');
    expect(detectDocument(b('\ufeff<feed xmlns="http://www.w3.org/2005/Atom"/>'))).toBe('feed');
    expect(detectDocument(b('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'))).toBe('feed');
    expect(detectDocument(b('<?xml version="1.0"?><urlset/>'))).toBe('sitemap');
    expect(detectDocument(b('<sitemapindex/>'))).toBe('sitemap');
    expect(detectDocument(b('<opml version="2.0"/>'))).toBe('opml');
    expect(detectDocument(b('<!DOCTYPE html>\n<html><body/></html>'))).toBe('html');
    expect(detectDocument(b('  <div>fragment</div>'))).toBe('html');
  });

  it('sniffs JSON Feed and JSON Lines', () => {
    expect(detectDocument(b('{"version": "https://jsonfeed.org/version/1.1", "items": []}'))).toBe('feed');
    expect(detectDocument(b('{"version":"https:\\/\\/jsonfeed.org\\/version\\/1","items":[]}'))).toBe('feed');
    expect(detectDocument(b('{"url": "https://e.example/1", "text": "a"}\n{"url": "https://e.example/2", "text": "b"}\n'))).toBe('jsonl');
    expect(detectDocument(b('{"a": 1}\nnot json\n'))).toBe('text');
  });

  it('calls NUL bytes, control characters and gzip binary', () => {
    expect(detectDocument(Buffer.from([0x1f, 0x8b, 8, 0]))).toBe('binary');
    expect(detectDocument(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]))).toBe('binary');
    expect(detectDocument(Buffer.from('\u0001\u0002\u0003\u0004 text with controls \u0005\u0006'))).toBe('binary');
  });

  it('reads UTF-16 with a BOM', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<rss/>', 'utf16le')]);
    expect(detectDocument(utf16)).toBe('feed');
  });

  it('uses content type and extension only when the content is ambiguous', () => {
    expect(detectDocument(b('<rss/>'), { contentType: 'text/html', path: 'x.html' })).toBe('feed');
    expect(detectDocument(b('<?xml version="1.0"?><something/>'), { contentType: 'application/rss+xml' })).toBe('feed');
    expect(detectDocument(b('<?xml version="1.0"?><something/>'), { path: 'list.opml' })).toBe('opml');
    expect(detectDocument(b('Plain words.'), { path: 'notes.txt' })).toBe('text');
    expect(detectDocument(b('Some words, then <html> later'))).toBe('html');
    expect(detectDocument(b('Plain words.'))).toBe('text');
    expect(detectDocument(b(''))).toBe('text');
  });
});

describe('binaryKind', () => {
  it('tells media and binary data from text, UTF-16 included', () => {
    expect(binaryKind(Buffer.from('%PDF-1.7\n'))).toBe('PDF');
    expect(binaryKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('JPEG image');
    expect(binaryKind(Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 32)))).toBe('binary data');
    expect(binaryKind(Buffer.from('<p>plain text\twith tabs\r\n</p>'))).toBeNull();
    expect(binaryKind(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>hi</p>', 'utf16le')]))).toBeNull();
  });
});
