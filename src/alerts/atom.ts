// One Atom 1.0 feed per rule (GET /rules/{id}/atom): its newest alerts, newest first. Every
// text and attribute is escaped; nothing from an article reaches the XML unescaped.
import type { StoredAlert } from '../store/alerts.js';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text or attribute content; drops characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

export interface AtomFeedInput {
  rule: { id: number; name: string; description?: string };
  alerts: StoredAlert[];
  /** The feed's own URL (without the feed token). */
  selfUrl: string;
  /** When the feed is generated (used when there is no alert). */
  now: Date;
}

interface PayloadShape {
  reasons?: unknown;
  event?: { quote?: unknown; reports?: { sentence?: unknown; url?: unknown }[] };
  /** Personnel alerts: the move with its evidence (sentence, article URL). */
  personnel?: { evidence?: { sentence?: unknown; url?: unknown; outlet?: unknown } };
}

function summaryOf(alert: StoredAlert): string {
  const p = alert.payload as PayloadShape;
  const reasons = Array.isArray(p.reasons) ? p.reasons.map(String).join('; ') : '';
  const ev = p.personnel?.evidence;
  const quote = typeof p.event?.quote === 'string' ? p.event.quote
    : typeof p.event?.reports?.[0]?.sentence === 'string' ? p.event.reports[0].sentence
      : typeof ev?.sentence === 'string' ? `${ev.sentence}${typeof ev.outlet === 'string' ? ` (${ev.outlet})` : ''}` : '';
  return [quote, reasons && `Matched: ${reasons}`].filter(Boolean).join('\n');
}

function linkOf(alert: StoredAlert): string | null {
  const p = alert.payload as PayloadShape;
  const url = p.event?.reports?.[0]?.url ?? p.personnel?.evidence?.url;
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

export function renderAtom(input: AtomFeedInput): string {
  const updated = input.alerts[0]?.createdAt ?? input.now.toISOString();
  const entries = input.alerts.map((a) => {
    const link = linkOf(a);
    return [
      '  <entry>',
      `    <id>urn:readout:alert:${a.id}</id>`,
      `    <title>${escapeXml(a.title)}</title>`,
      `    <updated>${escapeXml(a.createdAt)}</updated>`,
      link ? `    <link rel="alternate" href="${escapeXml(link)}"/>` : '',
      `    <summary type="text">${escapeXml(summaryOf(a))}</summary>`,
      `    <content type="application/json">${escapeXml(JSON.stringify(a.payload))}</content>`,
      '  </entry>',
    ].filter(Boolean).join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>urn:readout:rule:${input.rule.id}</id>`,
    `  <title>${escapeXml(`Readout alerts: ${input.rule.name}`)}</title>`,
    input.rule.description ? `  <subtitle>${escapeXml(input.rule.description)}</subtitle>` : '',
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <link rel="self" href="${escapeXml(input.selfUrl)}"/>`,
    '  <author><name>Readout</name></author>',
    '  <generator>Readout</generator>',
    ...entries,
    '</feed>',
    '',
  ].filter((l) => l !== '').join('\n');
}
