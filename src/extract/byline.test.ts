import { describe, expect, it } from 'vitest';
import { cleanByline, findByline, indexById } from './byline.js';
import { listElements, parseDocument } from './dom.js';
import { readJsonLd, articleNode } from './jsonld.js';
import { metaMap } from './metadata.js';

describe('cleanByline', () => {
  it('strips prefixes, roles, dates, handles and outlet codes', () => {
    expect(cleanByline('By Jane Roe')).toBe('Jane Roe');
    expect(cleanByline('Written by: Jane Roe | Staff Writer')).toBe('Jane Roe');
    expect(cleanByline('By JANE ROE and JOHN DOE, 7 hours ago')).toBe('JANE ROE, JOHN DOE');
    expect(cleanByline('Posted on September 21, 2020 by Jane Roe')).toBe('Jane Roe');
    expect(cleanByline('Jane Roe, PhD')).toBe('Jane Roe');
    expect(cleanByline('Jane Roe, CNN')).toBe('Jane Roe');
    expect(cleanByline('Jane Roe (@janeroe) jane@example.org')).toBe('Jane Roe');
    expect(cleanByline('Jane Roe Jr.')).toBe('Jane Roe Jr.');
  });

  it('rejects text that is not a list of names', () => {
    expect(cleanByline('Share this article on your favourite social network today')).toBeNull();
    expect(cleanByline('Comments')).toBeNull();
    expect(cleanByline('')).toBeNull();
    expect(cleanByline('x'.repeat(400))).toBeNull();
  });
});

function evidence(html: string) {
  const doc = parseDocument(html);
  const elements = listElements(doc.documentElement);
  const jsonld = readJsonLd(elements);
  return { doc, elements, meta: metaMap(elements), article: articleNode(jsonld), byId: indexById(jsonld) };
}

describe('findByline', () => {
  it('follows JSON-LD author references into the @graph', () => {
    const ld = { '@context': 'https://schema.org', '@graph': [{ '@type': 'NewsArticle', author: { '@id': '#p1' } }, { '@type': 'Person', '@id': '#p1', name: 'Jane Roe' }] };
    expect(findByline(evidence(`<script type="application/ld+json">${JSON.stringify(ld)}</script><p>x</p>`))).toBe('Jane Roe');
  });

  it('prefers a visible person over an organisation named as JSON-LD author', () => {
    const ld = { '@type': 'NewsArticle', author: { '@type': 'Organization', name: 'Example News' } };
    const html = `<script type="application/ld+json">${JSON.stringify(ld)}</script><h1>Headline here</h1><div class="meta"><span>By Jane Roe</span></div>`;
    expect(findByline(evidence(html))).toBe('Jane Roe');
  });

  it('reads byline markup but not commenters in the comment thread', () => {
    const html = '<div id="comments"><span class="author">Reader Name</span></div><article><h1>Title of it</h1><p class="byline">By John Doe</p></article>';
    expect(findByline(evidence(html))).toBe('John Doe');
  });

  it('falls back to the organisation when no person is named', () => {
    const ld = { '@type': 'NewsArticle', author: { '@type': 'Organization', name: 'Example Agency' } };
    expect(findByline(evidence(`<script type="application/ld+json">${JSON.stringify(ld)}</script><p>text</p>`))).toBe('Example Agency');
  });
});
