import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, markdownUrl, plainText, safeHref, textHtml } from './escape.js';
import { CSP, renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { svgSparkline, textSparkline } from './sparkline.js';
import type { Brief, BriefItem } from './types.js';

const item = (over: Partial<BriefItem>): BriefItem => ({
  id: 2, ref: 'ev2', date: '2026-03-04', sortDate: '2026-03-04', type: 'REJECT', mode: null, modality: 'asserted', negated: false, label: 'reject',
  source: 'North Korea (PRK)', target: 'the United States (USA)', intensity: -4, quote: 'We will never accept <script>alert("x")</script> & more',
  evidence: { url: 'https://capital-courier.example/a?b=1&c=2', outlet: 'Capital <Courier>', sentence: 'North Korea rejected the offer.' },
  reportCount: 1, outlets: ['Capital Courier'], answers: [{ ref: 'ev1', summary: 'the United States (USA) → North Korea (PRK) AGREE', rule: 'cue', confidence: 0.82, cue: 'in response to' }],
  answeredBy: [], novel: true, repeatOf: null, score: 0.72, parts: { novelty: 1, intensity: 0.4, actor: 1, reports: 0.333 }, ...over,
});

const brief: Brief = {
  title: 'Readout brief: PRK, 2026-03-01 – 2026-03-07', generatedAt: '2026-03-08T06:00:00Z', since: '2026-03-01', until: '2026-03-07', focus: 'PRK',
  sections: {
    statements: [item({})],
    meetings: [],
    threatsOffers: [item({ id: 3, ref: 'ev3', type: 'AID', label: 'hypothetical offer', modality: 'hypothetical', intensity: 7.4, quote: null, answers: [], answeredBy: [{ ref: 'ev9', summary: null, rule: 'reciprocity', confidence: 0.6, cue: null }] })],
    other: [item({ id: 4, ref: 'ev4', evidence: { url: 'javascript:alert(1)', outlet: null, sentence: 's' }, answers: [] })],
  },
  personnel: [{ date: '2026-03-03', person: 'Pak Chol-jun', title: 'Vice Foreign Minister', change: 'dismissed', institution: '', evidence: { url: 'https://a.example/p', outlet: 'Capital Courier', sentence: 'Pak <b>dismissed</b>.' } }],
  trends: [{ label: 'PRK', kind: 'actor', buckets: ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'], articles: [0, 1, 5, 2], events: [0, 1, 2, 1], tone: [null, 2, -4, -1], spikes: ['2026-03-03'] }],
  ranking: 'score = 0.35·novelty + …',
};

describe('brief rendering', () => {
  it('escapes text and keeps links to http(s)', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(safeHref('javascript:alert(1)')).toBe('#');
    expect(safeHref('https://a.example/?a=1&b="2"')).toBe('https://a.example/?a=1&amp;b=&quot;2&quot;');
    expect(escapeMarkdown('a *b* [c](d) <script>\n|x|')).toBe('a \\*b\\* \\[c\\](d) &lt;script&gt; \\|x\\|');
    expect(markdownUrl('https://a.example/x (1)')).toBe('https://a.example/x%20%281%29');
    expect(markdownUrl('javascript:alert(1)')).toBe('#');
  });

  it('renders Markdown with quotes, evidence links, response arrows, personnel and sparklines', () => {
    const md = renderMarkdown(brief);
    expect(md).toMatch(/^# Readout brief: PRK/);
    expect(md).toContain('## Key statements and responses');
    expect(md).toContain('> “We will never accept &lt;script&gt;alert("x")&lt;/script&gt; & more”');
    expect(md).not.toContain('<script>');
    expect(md).toContain('(https://capital-courier.example/a?b=1&c=2)');
    expect(md).toContain('↳ answers ev1 (the United States (USA) → North Korea (PRK) AGREE), cue “in response to”, confidence 0.82');
    expect(md).toContain('↩ answered by ev9');
    expect(md).toContain('**hypothetical offer**');
    expect(md).toMatch(/Pak Chol-jun: \*\*dismissed\*\* — Vice Foreign Minister/);
    expect(md).toContain(`\`${textSparkline([0, 1, 5, 2])}\``);
    expect(md).toContain('spikes: 2026-03-03');
    expect(md).toContain('## Visits and meetings\n\n_None in this window._');
  });

  it('renders a standalone HTML document: CSP, no scripts or external resources, escaped text, SVG sparklines', () => {
    const html = renderHtml(brief);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('We will never accept &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).toContain('Capital &lt;Courier&gt;');
    expect(html).toContain('Pak &lt;b&gt;dismissed&lt;/b&gt;.');
    expect(html).toContain('href="https://capital-courier.example/a?b=1&amp;c=2"');
    expect(html).not.toContain('javascript:');
    expect(html).not.toMatch(/(src|href)="\/\/|<link |@import|url\(/);
    expect(html).toMatch(/<svg [^>]*class="sparkline"[^>]*>.*<polyline points="[\d., ]+" class="line"\/>.*<circle [^>]*class="spike"\/>/s);
    expect(html).toContain('hypothetical offer');
    expect(html).toContain('↳ answers <span class="ref">ev1</span>');
  });

  it('decodes character references in article text, then escapes once', () => {
    expect(plainText('Trade &amp; Industry &#8217;s &quot;plan&quot;')).toBe('Trade & Industry ’s "plan"');
    expect(plainText('Trade &amp;amp; Industry')).toBe('Trade & Industry'); // escaped twice by a feed
    expect(plainText('Fish & Chips &unknown;')).toBe('Fish & Chips &unknown;');
    expect(textHtml('Trade &amp; Industry <b>')).toBe('Trade &amp; Industry &lt;b&gt;');
    expect(escapeMarkdown('Trade &amp; Industry &lt;b&gt; &amp;copy;')).toBe('Trade & Industry &lt;b&gt; ©');
    // What still reads as a reference after decoding is escaped, so a viewer shows it as written.
    expect(escapeMarkdown('&amp;amp;copy;')).toBe('&amp;copy;');
    const coded = item({ quote: 'Roads &amp; bridges &#8212; all of them', evidence: { url: 'https://a.example/x?a=1&b=2', outlet: 'Ledger &amp; Post', sentence: 's' }, source: 'Ministry of Trade &amp; Industry', answers: [] });
    const b = { ...brief, title: 'Brief &amp; more', sections: { statements: [coded], meetings: [], threatsOffers: [], other: [] } };
    const md = renderMarkdown(b);
    expect(md).toContain('> “Roads & bridges — all of them”');
    expect(md).toContain('Ministry of Trade & Industry');
    expect(md).toContain('[Ledger & Post](https://a.example/x?a=1&b=2)');
    expect(md).not.toContain('&amp;');
    const html = renderHtml(b);
    expect(html).toContain('Roads &amp; bridges — all of them');
    expect(html).toContain('<title>Brief &amp; more</title>');
    expect(html).not.toContain('&amp;amp;');
    expect(html).toContain('href="https://a.example/x?a=1&amp;b=2"');
  });

  it('draws sparklines from numbers only', () => {
    expect(textSparkline([0, 4, 8])).toBe('▁▅█');
    expect(textSparkline([null, 1, 1])).toBe(' ██');
    expect(textSparkline([0, 0])).toBe('▁▁');
    const svg = svgSparkline([1, null, 3, -2], { title: 'a <b>', spikes: [2] });
    expect(svg).toContain('<title>a &lt;b&gt;</title>');
    expect(svg).toContain('class="zero"');
    expect(svg.match(/class="spike"/g)).toHaveLength(1);
    expect(svg.match(/<polyline/g)).toHaveLength(1); // 3 and -2; the lone 1 is a point
    expect(svg).toContain('class="point"');
  });
});
