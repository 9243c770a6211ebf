import { describe, expect, it } from 'vitest';
import { listElements, maxDepth, parseDocument } from './dom.js';
import { markupStats, normaliseHtml, stripTags } from './html-source.js';

describe('normaliseHtml / parseDocument', () => {
  it('gives fragments a head and a body', () => {
    const doc = parseDocument('<p>Hello <b>world</b></p>');
    expect(doc.body.textContent).toBe('Hello world');
    expect(doc.head).toBeTruthy();
  });

  it('keeps content printed after </body> or </html> in the body', () => {
    const doc = parseDocument('<html><head><title>T</title></head><body><p>one</p></body></html><p>two</p>');
    expect(doc.body.textContent).toBe('onetwo');
    expect(doc.querySelector('title')?.textContent).toBe('T');
  });

  it('is not fooled by a script that writes skeleton tags', () => {
    const html = '<html><head><script>document.write("<body onload=x()>")</script></head><body class="real"><p>text</p></body></html>';
    const doc = parseDocument(html);
    expect(doc.body.getAttribute('class')).toBe('real');
    expect(doc.body.textContent).toBe('text');
  });

  it('drops scripts, styles and comments but keeps JSON-LD', () => {
    const out = normaliseHtml('<head><script type="application/ld+json">{"a":1}</script><style>p{}</style></head><body><!-- x --><script>var a</script><p>t</p></body>');
    expect(out).toContain('ld+json');
    expect(out).not.toContain('var a');
    expect(out).not.toContain('p{}');
    expect(out).not.toContain('<!--');
  });

  it('never throws on empty, binary-looking or unbalanced input', () => {
    for (const input of ['', '\u0000\u0001\u0002', '<<<>>>', '</div></p>', '<html', '<!--', '<script>', '<body <body']) {
      expect(() => parseDocument(input)).not.toThrow();
    }
  });
});

describe('markupStats and maxDepth', () => {
  it('counts tags and the ones left open, ignoring implicitly closed ones', () => {
    expect(markupStats('<div><p>a<p>b</div><span>')).toMatchObject({ tags: 5, unclosed: 1 });
  });

  it('measures nesting depth without recursion', () => {
    const doc = parseDocument(`${'<div>'.repeat(3000)}x`);
    expect(maxDepth(doc.documentElement)).toBeGreaterThan(3000);
    expect(listElements(doc.documentElement).length).toBeGreaterThan(3000);
  });
});

describe('stripTags', () => {
  it('keeps paragraph breaks and decodes the common entities', () => {
    const text = stripTags('<p>Fish &amp; chips</p><script>x()</script><p>A&nbsp;B</p>');
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Fish & chips A B');
  });
});
