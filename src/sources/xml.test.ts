import { describe, expect, it } from 'vitest';
import { baseOf, childElements, innerMarkup, isElement, parseXml, resolveUrl, textContent, type XmlElement } from './xml.js';

const first = (el: XmlElement): XmlElement => childElements(el)[0]!;

describe('parseXml', () => {
  it('reads elements, attributes, CDATA and namespaces', () => {
    const { root, truncated } = parseXml(`<?xml version="1.0"?><!-- c --><r xmlns="urn:d" xmlns:x="urn:x"><x:a k="1 &amp; 2" flag>t<![CDATA[<b>&amp;</b>]]></x:a><b/></r>`);
    expect(truncated).toBe(false);
    const r = first(root);
    expect(r).toMatchObject({ local: 'r', ns: 'urn:d' });
    const a = first(r);
    expect(a).toMatchObject({ name: 'x:a', local: 'a', prefix: 'x', ns: 'urn:x', attrs: { k: '1 & 2', flag: '' } });
    expect(textContent(a)).toBe('t<b>&amp;</b>');
    expect(childElements(r).map((e) => e.local)).toEqual(['a', 'b']);
  });

  it('maps common prefixes used without a declaration', () => {
    const r = first(parseXml('<rss><dc:creator>x</dc:creator></rss>').root);
    expect(first(r).ns).toBe('http://purl.org/dc/elements/1.1/');
  });

  it('closes missing end tags at the parent end tag and ignores stray end tags', () => {
    const r = first(parseXml('<a><b>one<c>two</a></x>').root);
    expect(r.local).toBe('a');
    expect(textContent(r)).toBe('onetwo');
  });

  it('marks elements left open by a truncated file', () => {
    const { root, truncated } = parseXml('<a><b>done</b><c>cut');
    expect(truncated).toBe(true);
    const a = first(root);
    expect([a.complete, childElements(a).map((e) => e.complete)]).toEqual([false, [true, false]]);
  });

  it('skips a DOCTYPE and its internal subset without defining anything', () => {
    const r = first(parseXml('<!DOCTYPE r [ <!ENTITY e "expanded"> <!ENTITY f SYSTEM "file:///etc/passwd"> ]><r>&e;&f;</r>').root);
    expect(textContent(r)).toBe('&e;&f;');
  });

  it('re-serialises inner markup', () => {
    const r = first(parseXml('<c><div class="x">a &lt; b</div></c>').root);
    expect(innerMarkup(r, (s) => s.replace(/</g, '&lt;'))).toBe('<div class="x">a &lt; b</div>');
    expect(isElement(r.children[0])).toBe(true);
  });
});

describe('URLs', () => {
  it('resolves xml:base chains and keeps absolute references as written', () => {
    const r = first(parseXml('<a xml:base="https://h.example/x/"><b xml:base="y/"><c/></b></a>').root);
    const c = first(first(r));
    expect(baseOf(c, null)).toBe('https://h.example/x/y/');
    expect(resolveUrl('../z', baseOf(c, null))).toBe('https://h.example/x/z');
    expect(resolveUrl('https://k.example', 'https://h.example/')).toBe('https://k.example');
    expect(resolveUrl('  ', 'https://h.example/')).toBeNull();
    expect(resolveUrl('rel', null)).toBe('rel');
  });
});

describe('hostile names', () => {
  it('treats prototype-like attribute names and prefixes as plain names', () => {
    const r = first(parseXml('<r constructor="c" __proto__="p" xmlns:toString="urn:t"><constructor:x/><toString:y/></r>').root);
    expect(r.attrs.constructor).toBe('c');
    expect(Object.keys(r.attrs)).toEqual(['constructor', '__proto__', 'xmlns:tostring']);
    expect(childElements(r).map((e) => e.ns)).toEqual(['', 'urn:t']);
  });
});
