// Merging reports into real-world events, incrementally: each new report joins the existing
// event it matches best (average link over the event's reports), else starts a new event. The representative fields of an event are recomputed from all its
// reports, so the order reports arrive in changes nothing but which event id survives.
import type { EventType } from '../analyze/types.js';
import { matchReports, MATCH_THRESHOLD } from './identity.js';
import { isDay, periodOf } from './text.js';
import type { ActorRef, EventReport, MergedFields, Modality } from './types.js';

export interface Cluster {
  /** The stored merged event id, or null for an event created by this merge. */
  id: number | null;
  reports: EventReport[];
}

/**
 * Average-link score of a report against an event: the mean match score over the event's
 * reports, or null when any of them rules the match out (average link keeps one loose
 * paraphrase from chaining two different events together; measured better than single link).
 */
export function clusterScore(report: EventReport, cluster: Cluster): number | null {
  if (cluster.reports.length === 0) return null;
  let sum = 0;
  for (const r of cluster.reports) {
    const m = matchReports(report, r);
    if (!m) return null;
    sum += m.score;
  }
  const mean = sum / cluster.reports.length;
  return mean >= MATCH_THRESHOLD ? mean : null;
}

/**
 * Assigns reports to events: `clusters` are the existing events around the reports (with their
 * reports); each report joins the best-scoring one, or a new cluster (appended, id null).
 * Reports are taken in anchor order so earlier reports seed the events. Mutates and returns `clusters`.
 */
export function assignReports(reports: EventReport[], clusters: Cluster[]): Cluster[] {
  const ordered = [...reports].sort((a, b) => a.anchor.localeCompare(b.anchor) || a.articleId - b.articleId || a.seq - b.seq);
  for (const report of ordered) {
    let best: Cluster | null = null;
    let bestScore = -1;
    for (const c of clusters) {
      const s = clusterScore(report, c);
      if (s !== null && s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    if (best) best.reports.push(report);
    else clusters.push({ id: null, reports: [report] });
  }
  return clusters;
}

function mostCommon<T>(values: T[], key: (v: T) => string, prefer?: (a: T, b: T) => number): T | undefined {
  const counts = new Map<string, { value: T; n: number; first: number }>();
  values.forEach((v, i) => {
    const k = key(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { value: v, n: 1, first: i });
  });
  return [...counts.values()].sort((a, b) => b.n - a.n || (prefer ? prefer(a.value, b.value) : 0) || a.first - b.first)[0]?.value;
}

function actorKey(a: ActorRef): string {
  return a.entityId ?? a.institution ?? (a.country ? `country:${a.country}` : `name:${(a.name ?? '').toLowerCase()}`);
}

/** How much an actor description says (an id beats a country beats a bare name). */
function specificity(a: ActorRef): number {
  return (a.entityId ? 4 : 0) + (a.institution ? 2 : 0) + (a.country ? 1 : 0) + (a.name ? 0.5 : 0);
}

/** The most common actor among the reports; among equally common ones the most specific. */
function representativeActor(actors: ActorRef[]): ActorRef | undefined {
  return mostCommon(actors, actorKey, (a, b) => specificity(b) - specificity(a));
}

const GRANULARITY = (d: string) => (isDay(d) ? 3 : /^\d{4}-\d{2}$/.test(d) ? 2 : 1);

/** The representative fields of an event made of these reports (at least one). */
export function mergedFields(reports: EventReport[]): MergedFields {
  if (reports.length === 0) throw new Error('events: an event needs at least one report');
  const byTime = [...reports].sort((a, b) => a.seenAt.localeCompare(b.seenAt) || a.articleId - b.articleId || a.seq - b.seq);
  const dates = reports.map((r) => r.date).filter((d): d is string => !!d);
  const finest = Math.max(0, ...dates.map(GRANULARITY));
  const date = dates.filter((d) => GRANULARITY(d) === finest).sort()[0] ?? null;
  const anchors = reports.map((r) => r.anchor).sort();
  const type = mostCommon(byTime.map((r) => r.type), (t) => t, (a, b) => Number(a === 'STATEMENT') - Number(b === 'STATEMENT')) as EventType;
  const sameType = byTime.filter((r) => r.type === type);
  const modes = sameType.map((r) => r.mode).filter((m): m is string => !!m);
  const targets = sameType.map((r) => r.target).filter((t): t is ActorRef => !!t);
  const quotes = byTime.map((r) => r.quote).filter((q): q is string => !!q);
  const negatedCount = reports.filter((r) => r.negated).length;
  const modality = mostCommon(byTime.map((r) => r.modality), (m) => m, (a, b) => Number(b === 'asserted') - Number(a === 'asserted')) as Modality;
  const articles = new Set(reports.map((r) => r.articleId));
  const outlets = [...new Set(byTime.map((r) => r.outlet ?? hostOf(r.url)).filter((o): o is string => !!o))];
  const intensity = Math.round((reports.reduce((s, r) => s + r.intensity, 0) / reports.length) * 10) / 10;
  return {
    date,
    anchor: anchors[0]!,
    lastAnchor: anchors[anchors.length - 1]!,
    sortDate: sortDateOf(date, anchors[0]!),
    type,
    mode: mostCommon(modes, (m) => m) ?? null,
    source: representativeActor(sameType.map((r) => r.source))!,
    target: representativeActor(targets) ?? null,
    intensity,
    negated: negatedCount * 2 > reports.length,
    modality,
    quote: mostCommon(quotes, (q) => q.toLowerCase().replace(/\s+/g, ' ').trim()) ?? null,
    reportCount: articles.size,
    outlets,
    firstSeen: byTime[0]!.seenAt,
    lastSeen: byTime[byTime.length - 1]!.seenAt,
  };
}

/**
 * What timelines sort and filter on: the day the reports give, else the first report's anchor,
 * unless a coarser date the text gives lies elsewhere ("in 1979" in a 2020 report): then the
 * start of that period, so a 2020 query never lists it.
 */
export function sortDateOf(date: string | null, anchor: string): string {
  if (!date || anchor.startsWith(date)) return anchor;
  return periodOf(date)?.first ?? date;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
