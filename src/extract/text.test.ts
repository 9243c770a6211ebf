import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom.js';
import { toParagraphs, toText } from './text.js';

describe('toParagraphs', () => {
  it('turns blocks, headings and list items into paragraphs with collapsed spaces', () => {
    const doc = parseDocument('<div><h2>Heading</h2><p>First   line\n of text.</p><ul><li>One</li><li>Two</li></ul><p>Last <em>word</em>.</p></div>');
    expect(toParagraphs(doc.body)).toEqual(['Heading', 'First line of text.', 'One', 'Two', 'Last word.']);
  });

  it('treats <br> as a line break and <br><br> as a paragraph break', () => {
    const doc = parseDocument('<div>Line one<br>line two<br><br>New paragraph</div>');
    expect(toText(doc.body)).toBe('Line one\nline two\n\nNew paragraph');
  });

  it('skips scripts and elements the caller excludes', () => {
    const doc = parseDocument('<div><p>keep</p><p class="x">drop</p><script>no()</script></div>');
    expect(toParagraphs(doc.body, (el) => el.getAttribute('class') === 'x')).toEqual(['keep']);
  });

  it('handles very deep nesting without overflowing the stack', () => {
    const doc = parseDocument(`${'<span>'.repeat(20000)}deep`);
    expect(toText(doc.body)).toBe('deep');
  });
});
