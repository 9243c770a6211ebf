import { describe, expect, it } from 'vitest';
import { decodeEntities } from './entities.js';
import { htmlToText, toPlain, truncateText } from './text.js';

describe('htmlToText', () => {
  it('strips tags, decodes entities once and collapses whitespace', () => {
    expect(htmlToText('<p>Talks&nbsp;<b>resume</b> &amp;amp; &#8220;go&#x201D;</p>\n\n <p>on</p>')).toBe('Talks resume &amp; “go” on');
  });

  it('keeps paragraphs and line breaks when asked', () => {
    expect(htmlToText('<h2>Head</h2><p>One<br>two</p><ul><li>a</li><li>b</li></ul>', { paragraphs: true })).toBe('Head\n\nOne\ntwo\n\na\n\nb');
  });

  it('drops scripts, styles, comments and svg, and survives broken markup', () => {
    expect(htmlToText('a<script>var x = "<p>";</script>b<style>p{}</style><!-- hidden -->c<svg><title>t</title></svg>d')).toBe('abcd');
    expect(htmlToText('5 < 6 and <a href="x>y">link</a> <unclosed')).toBe('5 < 6 and link');
    expect(htmlToText('<p title=\'it"s\'>quote</p>')).toBe('quote');
  });

  it('does not let marker characters in the input break the output', () => {
    expect(htmlToText('a\ue000b<p>c</p>', { paragraphs: true })).toBe('ab\n\nc');
  });
});

describe('toPlain and truncateText', () => {
  it('treats text without markup as plain', () => {
    expect(toPlain('  AT&T  results ')).toBe('AT&T results');
    expect(toPlain('')).toBeNull();
    expect(toPlain(null)).toBeNull();
  });

  it('cuts at a word boundary', () => {
    expect(truncateText('alpha beta gamma delta', 14)).toBe('alpha beta…');
    expect(truncateText('short', 12)).toBe('short');
  });
});

describe('decodeEntities', () => {
  it('decodes XML, numeric and HTML names; keeps unknown names and bare ampersands', () => {
    expect(decodeEntities('&lt;&amp;&quot;&apos;&#65;&#x42;&eacute;&Eacute;&hellip;&euro;')).toBe('<&"\'ABéÉ…€');
    expect(decodeEntities('Q&A &bogus; &lol9; & more')).toBe('Q&A &bogus; &lol9; & more');
    expect(decodeEntities('&#150;&#0;&#xD800;')).toBe('–\ufffd\ufffd');
  });
});
