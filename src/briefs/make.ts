// Building a brief from the store: the window's merged events (and the 60 days before, for
// repeat detection), personnel changes, and trend lines for the focus country and its main
// counterparts; assembleBrief ranks and sorts them. Shared by `readout brief` and the API.
import { parseSince } from '../core/days.js';
import { addDays } from '../events/text.js';
import { computeTrend } from '../insights/compute-trend.js';
import { changeFeed } from '../insights/personnel.js';
import type { Registry } from '../registry/types.js';
import type { ActorMatch, Store } from '../store/types.js';
import { assembleBrief, mainCounterparts, trendLine } from './assemble.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { actorWeigher } from './rank.js';
import type { Brief, BriefTrendLine } from './types.js';

/** Days before the window searched for earlier events (repeat detection). */
export const LOOKBACK_DAYS = 60;
/** Trend lines cover at least this many days, ending on the window's end, so a short window still has a shape. */
export const TREND_MIN_DAYS = 14;
const MAX_EVENTS = 20_000;

export interface MakeBriefOptions {
  /** YYYY-MM-DD window, inclusive. */
  since: string;
  until: string;
  /** ISO3 of the country the brief is about, or null for all. */
  focus: string | null;
  /** Items per section. */
  limit: number;
  now: Date;
}

const countryMatch = (code: string): ActorMatch => ({ ids: [`country:${code}`], countries: [code] });

export async function makeBrief(store: Store, registry: Registry, o: MakeBriefOptions): Promise<Brief> {
  const { since, until, focus, limit } = o;
  const actor = focus ? countryMatch(focus) : undefined;
  const entries = await store.timeline({ since, until, actor, limit: MAX_EVENTS });
  const earlier = await store.timeline({ since: addDays(since, -LOOKBACK_DAYS), until: addDays(since, -1), actor, limit: MAX_EVENTS });
  const records = await store.roleRecords({ since, until, changesOnly: true });
  const personnel = changeFeed(registry, records);
  const personnelCountries = await store.articleEntityCountries(personnel.map((c) => c.evidence.articleId));

  const trendSince = addDays(until, -(TREND_MIN_DAYS - 1)) < since ? addDays(until, -(TREND_MIN_DAYS - 1)) : since;
  const filter = { by: 'day' as const, since: trendSince, until };
  const trends: BriefTrendLine[] = [];
  const counterparts = mainCounterparts(entries, focus, 3);
  if (focus) {
    trends.push(trendLine(focus, 'actor', await computeTrend(store, { kind: 'actor', actor: countryMatch(focus) }, filter)));
    for (const other of counterparts) {
      const subject = { kind: 'dyad' as const, a: countryMatch(focus), b: countryMatch(other) };
      trends.push(trendLine(`${focus}–${other}`, 'dyad', await computeTrend(store, subject, filter, { a: focus, b: other })));
    }
  } else {
    for (const c of counterparts) trends.push(trendLine(c, 'actor', await computeTrend(store, { kind: 'actor', actor: countryMatch(c) }, filter)));
  }

  return assembleBrief({
    since, until, focus, generatedAt: o.now.toISOString(), entries, earlier, personnel, personnelCountries, trends, limit,
    actorWeight: actorWeigher((id) => registry.get(id)),
  });
}

export function renderBrief(brief: Brief, as: 'md' | 'html'): string {
  return as === 'html' ? renderHtml(brief) : renderMarkdown(brief);
}

/** A window start: "24h", "7d", "2w" back from now (to the day), or a date (YYYY, YYYY-MM, YYYY-MM-DD). */
export function windowStart(value: string, now: Date): string {
  if (/^\d+[hdw]$/i.test(value.trim())) return parseSince(value, now).slice(0, 10);
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}
