// A brief as a standalone HTML document: no scripts, no external resources, a strict
// Content-Security-Policy (default-src 'none'; inline styles and data: images only), a small
// screen and print stylesheet, inline SVG sparklines for the trend lines. Every piece of text
// is decoded and escaped once (textHtml); links are http(s) only.
import { safeHref, textHtml as h } from './escape.js';
import { SECTION_TITLES } from './markdown.js';
import { svgSparkline } from './sparkline.js';
import type { Brief, BriefEvidence, BriefItem, BriefLink, BriefSections, BriefTrendLine } from './types.js';

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 1.8rem; }
.meta, .note { color: #555; font-size: .9rem; }
ol.items, ul.items { padding-left: 1.2rem; } li.item { margin: .7rem 0; }
.label { font-weight: 600; } .ref { font-family: ui-monospace, monospace; font-size: .85rem; color: #555; }
.badge { display: inline-block; font-size: .75rem; padding: 0 .35rem; border-radius: .3rem; background: #eee; margin-left: .3rem; }
.badge.new { background: #dff3e4; } .badge.modal { background: #fdecc8; }
blockquote { margin: .3rem 0 .3rem 0; padding-left: .7rem; border-left: 3px solid #bbb; color: #333; }
.links { list-style: none; padding-left: .4rem; margin: .2rem 0; font-size: .9rem; }
table.trends td { padding: .2rem .6rem .2rem 0; vertical-align: middle; }
svg.sparkline .line { fill: none; stroke: #2b5d8a; stroke-width: 1.5; } svg.sparkline .zero { stroke: #aaa; stroke-dasharray: 2 2; }
svg.sparkline .spike { fill: #c0392b; } svg.sparkline .point { fill: #2b5d8a; }
a { color: #1f4e79; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; color: #000; }
  a { color: #000; text-decoration: none; } a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 8pt; color: #444; word-break: break-all; }
  h2 { break-after: avoid; } li.item, tr { break-inside: avoid; } .badge { border: 1px solid #999; background: none; }
}`;

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function evidence(e: BriefEvidence | null): string {
  return e ? ` <a href="${safeHref(e.url)}" rel="noreferrer noopener">${h(e.outlet ?? 'source')}</a>` : '';
}

function link(kind: string, l: BriefLink): string {
  return `<li>${kind} <span class="ref">${h(l.ref)}</span>${l.summary ? ` (${h(l.summary)})` : ''}, ${h(l.rule)}${l.cue ? ` “${h(l.cue)}”` : ''}, confidence ${h(String(l.confidence))}</li>`;
}

function item(i: BriefItem): string {
  const when = i.date ?? `${i.sortDate}?`;
  const badges = [
    i.novel ? '<span class="badge new">new</span>' : `<span class="badge">${i.repeatOf ? `repeat of ${h(i.repeatOf)}` : 'reported earlier'}</span>`,
    i.modality !== 'asserted' || i.negated ? `<span class="badge modal">${h([i.negated ? 'negated' : '', i.modality === 'asserted' ? '' : i.modality].filter(Boolean).join(', '))}</span>` : '',
  ].join('');
  const head = `<strong>${h(when)}</strong> ${h(i.source)} → ${h(i.target ?? '—')}: <span class="label">${h(i.label)}</span> (${h(i.type)}${i.mode ? `/${h(i.mode)}` : ''}, ${h(signed(i.intensity))}) <span class="ref">${h(i.ref)}</span>${badges}`;
  const body = i.quote ? `<blockquote>“${h(i.quote)}”</blockquote>` : i.evidence ? `<blockquote>${h(i.evidence.sentence)}</blockquote>` : '';
  const links = [...i.answers.map((l) => link('↳ answers', l)), ...i.answeredBy.map((l) => link('↩ answered by', l))];
  const meta = `<div class="meta">${i.reportCount} report${i.reportCount === 1 ? '' : 's'}${i.outlets.length ? ` (${h(i.outlets.join(', '))})` : ''}; score ${h(String(i.score))};${evidence(i.evidence)}</div>`;
  return `<li class="item">${head}${body}${links.length ? `<ul class="links">${links.join('')}</ul>` : ''}${meta}</li>`;
}

function trendRow(t: BriefTrendLine): string {
  const spikes = t.spikes.map((s) => t.buckets.indexOf(s)).filter((i) => i >= 0);
  const range = t.buckets.length ? `${t.buckets[0]} – ${t.buckets[t.buckets.length - 1]}` : '';
  const attention = svgSparkline(t.articles, { title: `${t.label}: articles per day`, spikes });
  const tone = svgSparkline(t.tone, { title: `${t.label}: mean event intensity per day` });
  const total = t.articles.reduce((a, b) => a + b, 0);
  const events = t.events.reduce((a, b) => a + b, 0);
  return `<tr><td><strong>${h(t.label)}</strong><div class="note">${h(t.kind)}, ${h(range)}</div></td><td>${attention}<div class="note">attention: ${total} articles${t.spikes.length ? `; spikes ${h(t.spikes.join(', '))}` : ''}</div></td><td>${tone}<div class="note">tone: ${events} events${t.reciprocity ? `; reciprocity: ${h(t.reciprocity.text)}` : ''}</div></td></tr>`;
}

export function renderHtml(brief: Brief): string {
  const sections = (Object.keys(SECTION_TITLES) as (keyof BriefSections)[]).map((key) => {
    const items = brief.sections[key];
    return `<section><h2>${h(SECTION_TITLES[key])}</h2>${items.length ? `<ol class="items">${items.map(item).join('')}</ol>` : '<p class="note">None in this window.</p>'}</section>`;
  });
  const personnel = brief.personnel.length
    ? `<ul class="items">${brief.personnel.map((p) => `<li class="item"><strong>${h(p.date)}</strong> ${h(p.person)}: <span class="label">${h(p.change)}</span> — ${h([p.title, p.institution].filter(Boolean).join(', '))}<blockquote>${h(p.evidence.sentence)}</blockquote><div class="meta">${evidence(p.evidence)}</div></li>`).join('')}</ul>`
    : '<p class="note">None in this window.</p>';
  const trends = brief.trends.length ? `<table class="trends"><tbody>${brief.trends.map(trendRow).join('')}</tbody></table>` : '<p class="note">No trend data in this window.</p>';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${h(brief.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${h(brief.title)}</h1><p class="meta">Generated ${h(brief.generatedAt)}; events dated ${h(brief.since)} to ${h(brief.until)}${brief.focus ? `; focus ${h(brief.focus)} (as source or target)` : ''}.</p></header>`,
    ...sections,
    `<section><h2>Personnel moves</h2>${personnel}</section>`,
    `<section><h2>Trend lines</h2>${trends}</section>`,
    `<footer><p class="note">Ranking: ${h(brief.ranking)}.</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
