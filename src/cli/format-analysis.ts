// A short human view of an analysis: entities by type, quotes with speakers, dates.
import type { Analysis } from '../analyze/types.js';

export function formatAnalysis(a: Analysis): string {
  const lines: string[] = [];
  if (a.document.title) lines.push(a.document.title, '');
  for (const type of ['person', 'organization', 'country', 'place', 'other'] as const) {
    const ents = a.entities.filter((e) => e.type === type);
    if (!ents.length) continue;
    lines.push(`${type}s:`);
    for (const e of ents) {
      const extra = [e.country, ...e.roles].filter(Boolean).join('; ');
      lines.push(`  ${e.name}${extra ? ` (${extra})` : ''} ×${e.mentions.length}${e.id ? '' : ' [new]'}`);
    }
  }
  if (a.quotes.length) {
    lines.push('quotes:');
    for (const q of a.quotes) {
      const who = q.speaker?.name ?? q.speaker?.description ?? (q.speaker?.anonymous ? 'anonymous' : '?');
      lines.push(`  ${who}: “${q.text.length > 120 ? `${q.text.slice(0, 120)}…` : q.text}”${q.kind === 'direct' ? '' : ` (${q.kind})`}`);
    }
  }
  if (a.dates.length) lines.push(`dates: ${a.dates.map((d) => `${d.text} → ${d.value ?? '?'}`).join('; ')}`);
  if (a.roles.length) lines.push(`roles: ${a.roles.map((r) => `${r.person}: ${r.title} (${r.change})`).join('; ')}`);
  return lines.join('\n');
}
