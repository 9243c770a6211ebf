// Timeline assembly: merged events with their reports and response links, in date order, as
// the `readout timeline` JSON contract (../shared/contracts/cli.md), a readable list, or Markdown.
import type { ActorRef, EventReport, MergedEvent, ResponseLink } from './types.js';
import { isDay } from './text.js';

export interface TimelineEntry {
  event: MergedEvent;
  reports: EventReport[];
  /** Links from this event to the events it answers. */
  respondsTo: ResponseLink[];
}

/** One event on its own (GET /events/{id}): its entry and the links from later events that answer it. */
export interface TimelineEntryDetail extends TimelineEntry {
  answeredBy: ResponseLink[];
}

export interface TimelineActorJson {
  name: string | null;
  entityId: string | null;
  country: string | null;
  institution: string | null;
}

export interface TimelineReportJson {
  url: string;
  source: string | null;
  published: string | null;
  sentence: string;
  articleId: number;
  eventId: string;
  date: string | null;
  type: string;
  modality: string;
  quote: string | null;
}

export interface TimelineEventJson {
  id: string;
  /** The date the reports give the event, else (datePrecision 'published') the first report's publication day. */
  date: string | null;
  /** day, month or year: the reports' text dates it so; published: no report's text dates it. */
  datePrecision: 'day' | 'month' | 'year' | 'published';
  type: string;
  mode: string | null;
  source: TimelineActorJson;
  target: TimelineActorJson;
  intensity: number;
  negated: boolean;
  modality: string;
  quote: string | null;
  /**
   * One entry per report: an article's account of the event. An article may tell one event more
   * than once (a quote split over two sentences, a statement and the typed event it carries, two
   * related acts in one sentence), so this can be longer than reportCount.
   */
  reports: TimelineReportJson[];
  respondsTo: string[];
  // extras
  sortDate: string;
  /** Distinct articles reporting the event (not reports.length: see reports). */
  reportCount: number;
  outlets: string[];
  firstSeen: string;
  lastSeen: string;
  responses: TimelineLinkJson[];
}

/** A response link as the timeline shows it: the other event's id, the rule, and the evidence. */
export interface TimelineLinkJson {
  id: string;
  rule: string;
  confidence: number;
  articleId: number;
  sentence: string;
  cue: string | null;
}

/** GET /events/{id}: the timeline shape plus the events that answer this one. */
export interface TimelineEventDetailJson extends TimelineEventJson {
  answeredBy: TimelineLinkJson[];
}

/** The id a merged event has in timelines ("ev42"). */
export function eventRef(id: number): string {
  return `ev${id}`;
}

function actorJson(a: ActorRef | null): TimelineActorJson {
  return { name: a?.name ?? null, entityId: a?.entityId ?? null, country: a?.country ?? null, institution: a?.institution ?? null };
}

/** Date order: the event date (its day, else the first report's anchor), then first seen, then id. */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return a.event.sortDate.localeCompare(b.event.sortDate) || a.event.firstSeen.localeCompare(b.event.firstSeen) || a.event.id - b.event.id;
}

export function toJson(entry: TimelineEntry): TimelineEventJson {
  const { event: e } = entry;
  const reports = [...entry.reports].sort((a, b) => a.seenAt.localeCompare(b.seenAt) || a.articleId - b.articleId || a.seq - b.seq);
  return {
    id: eventRef(e.id),
    date: e.date ?? e.anchor,
    datePrecision: precisionOf(e.date),
    type: e.type,
    mode: e.mode,
    source: actorJson(e.source),
    target: actorJson(e.target),
    intensity: e.intensity,
    negated: e.negated,
    modality: e.modality,
    quote: e.quote,
    reports: reports.map((r) => ({
      url: r.url, source: r.outlet, published: r.published, sentence: r.sentence, articleId: r.articleId, eventId: r.eventId, date: r.date, type: r.type, modality: r.modality, quote: r.quote,
    })),
    respondsTo: entry.respondsTo.map((l) => eventRef(l.respondsTo)),
    sortDate: e.sortDate,
    reportCount: e.reportCount,
    outlets: e.outlets,
    firstSeen: e.firstSeen,
    lastSeen: e.lastSeen,
    responses: entry.respondsTo.map((l) => linkJson(l, l.respondsTo)),
  };
}

function precisionOf(date: string | null): TimelineEventJson['datePrecision'] {
  if (!date) return 'published';
  return isDay(date) ? 'day' : /^\d{4}-\d{2}$/.test(date) ? 'month' : 'year';
}

function linkJson(l: ResponseLink, other: number): TimelineLinkJson {
  return { id: eventRef(other), rule: l.rule, confidence: l.confidence, articleId: l.articleId, sentence: l.sentence, cue: l.cue };
}

/** toJson plus answeredBy: the links from the events that answer this one (their ids), earliest event id first. */
export function toDetailJson(entry: TimelineEntryDetail): TimelineEventDetailJson {
  return { ...toJson(entry), answeredBy: entry.answeredBy.map((l) => linkJson(l, l.eventId)) };
}

export function actorLabel(a: ActorRef | null): string {
  if (!a) return '—';
  const name = a.name ?? a.entityId ?? a.country ?? '?';
  return a.country && a.name ? `${name} (${a.country})` : name;
}

function dateLabel(e: MergedEvent): string {
  return e.date ?? `${e.sortDate}?`;
}

function flags(e: MergedEvent): string {
  const out: string[] = [];
  if (e.negated) out.push('NOT');
  if (e.modality !== 'asserted') out.push(e.modality);
  return out.length ? ` [${out.join(', ')}]` : '';
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** A readable list: one block per event, reports and response arrows under it. */
export function formatHuman(entries: TimelineEntry[]): string {
  const lines: string[] = [];
  for (const entry of entries) {
    const e = entry.event;
    const mode = e.mode ? `/${e.mode}` : '';
    lines.push(`${dateLabel(e).padEnd(11)} ${eventRef(e.id)}  ${actorLabel(e.source)} → ${actorLabel(e.target)}  ${e.type}${mode} ${signed(e.intensity)}${flags(e)}  (${e.reportCount} report${e.reportCount === 1 ? '' : 's'}: ${e.outlets.join(', ') || 'unknown outlet'})`);
    if (e.quote) lines.push(`            “${e.quote}”`);
    for (const l of entry.respondsTo) lines.push(`            ↳ responds to ${eventRef(l.respondsTo)} (${l.rule}${l.cue ? ` “${l.cue}”` : ''}, confidence ${l.confidence})`);
    for (const r of entry.reports.slice(0, 5)) lines.push(`            · ${r.outlet ?? r.url} ${r.published?.slice(0, 10) ?? ''}: ${r.sentence}`);
    if (entry.reports.length > 5) lines.push(`            · … ${entry.reports.length - 5} more`);
  }
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

/** A Markdown table for briefs: date, actors, type, intensity, quote, reports, responses. */
export function formatMarkdown(entries: TimelineEntry[]): string {
  const lines = ['| Date | Id | Source → Target | Type | Intensity | Quote / evidence | Reports | Responds to |', '|---|---|---|---|---|---|---|---|'];
  for (const entry of entries) {
    const e = entry.event;
    const evidence = e.quote ? `“${e.quote}”` : (entry.reports[0]?.sentence ?? '');
    const reports = entry.reports.slice(0, 5).map((r) => `[${cell(r.outlet ?? 'source')}](${r.url})`).join(', ') + (entry.reports.length > 5 ? ` +${entry.reports.length - 5}` : '');
    const responds = entry.respondsTo.map((l) => `← ${eventRef(l.respondsTo)} (${l.rule}, ${l.confidence})`).join('; ');
    lines.push(`| ${dateLabel(e)} | ${eventRef(e.id)} | ${cell(`${actorLabel(e.source)} → ${actorLabel(e.target)}`)} | ${e.type}${e.mode ? `/${e.mode}` : ''}${flags(e)} | ${signed(e.intensity)} | ${cell(evidence)} | ${reports} | ${responds} |`);
  }
  return lines.join('\n');
}
