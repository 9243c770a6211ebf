// An event's fingerprint: the fields of each of its reports that merging (identity.ts
// matchReports) and response linking (responses.ts, for an answered event or a responder before
// its evidence is written) read, with their stored word stems, kept in one stored row per merged
// event. Comparing a new report with a candidate event then reads that one row instead of the
// event's report rows and their articles: the per-candidate cost that made the analyze job grow
// with the store. Reports rebuilt from it are "light": their sentence, trigger, quote, outlet, URL
// and dates seen are empty, so nothing that writes evidence or event fields may use them
// (the store loads full reports for those, src/store/events.ts and event-links.ts).
import type { EventType } from '../analyze/types.js';
import type { ActorRef, EventReport, Modality } from './types.js';
import { primeWords, STEMS_VERSION, wordsOf, type ReportWords } from './words.js';

/** Events with more reports than this get no fingerprint (their reports are read instead): keeps every rewrite of a big event small. */
export const FINGERPRINT_MAX_REPORTS = 64;

/** Format version; the stems inside are of STEMS_VERSION, so a stemmer change also invalidates fingerprints. */
const VERSION = `1.${STEMS_VERSION}`;

type Actor = [string | null, string | null, string | null, string | null];
/** articleId, seq, eventId, date, anchor, type, negated, modality, source, target, respondsTo, responseCue, quote stems, sentence stems. */
type Entry = [number, number, string, string | null, string, string, 0 | 1, string, Actor, Actor | null, string | null, string | null, string[], string[]];

const actor = (a: ActorRef): Actor => [a.name, a.entityId, a.country, a.institution];
const ref = (a: Actor): ActorRef => ({ name: a[0], entityId: a[1], country: a[2], institution: a[3] });

/**
 * The stored fingerprint of an event's reports, or null when it has too many. Entries are in
 * (article, position) order, the order the store reads reports in: linking compares an event's
 * first reports, so a fingerprint must list them as its rows would.
 */
export function encodeFingerprint(reports: EventReport[], words: (r: EventReport) => ReportWords): string | null {
  if (reports.length === 0 || reports.length > FINGERPRINT_MAX_REPORTS) return null;
  const sorted = [...reports].sort((a, b) => a.articleId - b.articleId || a.seq - b.seq);
  const entries = sorted.map((r): Entry => {
    const w = wordsOf(r, words);
    return [r.articleId, r.seq, r.eventId, r.date, r.anchor, r.type, r.negated ? 1 : 0, r.modality, actor(r.source), r.target ? actor(r.target) : null,
      r.respondsTo, r.responseCue, [...w.quote], [...w.sentence]];
  });
  return JSON.stringify({ v: VERSION, r: entries });
}

/** Light reports of merged event `mergedId` from its stored fingerprint; null when missing, malformed or of another version (then its reports are read). */
export function decodeFingerprint(stored: string | null | undefined, mergedId: number): EventReport[] | null {
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as { v?: unknown; r?: unknown };
    if (parsed.v !== VERSION || !Array.isArray(parsed.r) || parsed.r.length === 0) return null;
    return (parsed.r as Entry[]).map((e) => {
      const report: EventReport = {
        articleId: e[0], seq: e[1], eventId: e[2], date: e[3], anchor: e[4], type: e[5] as EventType, mode: null, source: ref(e[8]), target: e[9] ? ref(e[9]) : null,
        intensity: 0, cameo: null, negated: e[6] === 1, modality: e[7] as Modality, sourcing: null, sentence: '', trigger: null, quote: null,
        respondsTo: e[10], responseCue: e[11], outlet: null, url: '', published: null, seenAt: '', mergedId,
      };
      primeWords(report, { quote: new Set(e[12]), sentence: new Set(e[13]) });
      return report;
    });
  } catch {
    return null; // a damaged cell costs a read of the event's reports, never the merge
  }
}
