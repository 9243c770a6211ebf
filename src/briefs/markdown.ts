// A brief as Markdown: sections of ranked items, each with its quote, evidence link and
// response arrows ("↳ answers ev1 …", "↩ answered by ev4 …"), personnel moves, and trend lines
// as text sparklines with their spike days. All article text is escaped (escape.ts).
import { escapeMarkdown as md, markdownUrl } from './escape.js';
import { textSparkline } from './sparkline.js';
import type { Brief, BriefEvidence, BriefItem, BriefLink, BriefSections } from './types.js';

export const SECTION_TITLES: Record<keyof BriefSections, string> = {
  statements: 'Key statements and responses',
  meetings: 'Visits and meetings',
  threatsOffers: 'Threats and offers',
  other: 'Other actions',
};

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function evidence(e: BriefEvidence | null): string {
  if (!e) return '';
  return ` — [${md(e.outlet ?? 'source')}](${markdownUrl(e.url)})`;
}

function link(l: BriefLink): string {
  return `${l.ref}${l.summary ? ` (${md(l.summary)})` : ''}, ${l.rule}${l.cue ? ` “${md(l.cue)}”` : ''}, confidence ${l.confidence}`;
}

function item(i: BriefItem): string[] {
  const when = i.date ?? `${i.sortDate}?`;
  const who = `${md(i.source)} → ${md(i.target ?? '—')}`;
  const flags = [i.novel ? 'new' : i.repeatOf ? `repeat of ${i.repeatOf}` : 'reported earlier', `${i.reportCount} report${i.reportCount === 1 ? '' : 's'}`, `score ${i.score}`];
  const lines = [`- **${when}** ${who}: **${md(i.label)}** (${i.type}${i.mode ? `/${md(i.mode)}` : ''}, ${signed(i.intensity)}) \`${i.ref}\` _${flags.join('; ')}_${evidence(i.evidence)}`];
  if (i.quote) lines.push(`  > “${md(i.quote)}”`);
  else if (i.evidence) lines.push(`  > ${md(i.evidence.sentence)}`);
  for (const l of i.answers) lines.push(`  - ↳ answers ${link(l)}`);
  for (const l of i.answeredBy) lines.push(`  - ↩ answered by ${link(l)}`);
  return lines;
}

export function renderMarkdown(brief: Brief): string {
  const out: string[] = [`# ${md(brief.title)}`, '', `_Generated ${brief.generatedAt}; events dated ${brief.since} to ${brief.until}${brief.focus ? `; focus ${brief.focus} (as source or target)` : ''}._`];
  for (const key of Object.keys(SECTION_TITLES) as (keyof BriefSections)[]) {
    const items = brief.sections[key];
    out.push('', `## ${SECTION_TITLES[key]}`, '');
    if (items.length === 0) out.push('_None in this window._');
    for (const i of items) out.push(...item(i));
  }
  out.push('', '## Personnel moves', '');
  if (brief.personnel.length === 0) out.push('_None in this window._');
  for (const p of brief.personnel) {
    const post = [p.title, p.institution].filter(Boolean).map(md).join(', ');
    out.push(`- **${p.date}** ${md(p.person)}: **${md(p.change)}**${post ? ` — ${post}` : ''}${evidence(p.evidence)}`, `  > ${md(p.evidence.sentence)}`);
  }
  out.push('', '## Trend lines', '');
  if (brief.trends.length === 0) out.push('_No trend data in this window._');
  for (const t of brief.trends) {
    const range = t.buckets.length ? `${t.buckets[0]} – ${t.buckets[t.buckets.length - 1]}` : '';
    out.push(
      `- **${md(t.label)}** (${t.kind}, ${range})`,
      `  - attention (articles): \`${textSparkline(t.articles)}\` total ${t.articles.reduce((a, b) => a + b, 0)}`,
      `  - tone (mean intensity): \`${textSparkline(t.tone)}\` over ${t.events.reduce((a, b) => a + b, 0)} events`,
    );
    if (t.spikes.length) out.push(`  - spikes: ${t.spikes.join(', ')}`);
    if (t.reciprocity) out.push(`  - reciprocity: ${md(t.reciprocity.text)}`);
  }
  out.push('', '---', '', `_Ranking: ${md(brief.ranking)}._`, '');
  return out.join('\n');
}
