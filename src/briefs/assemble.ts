// Brief assembly: a pure function from query results (events in the window and before it,
// personnel changes, trend series) to a ranked, sourced brief. Every event item carries its
// evidence (the first report's article URL and sentence) and its quote; items are ranked by the
// formula of rank.ts. Sections:
// - statements ("key statements and responses"): speech acts only — statements, accusations,
//   rejections, appeals and demands, verbal support (SPEECH below, less the modes that are acts:
//   an investigation or lawsuit, a signing). An act (force, sanctions, a protest march …) stays
//   in "other actions" even when it answers something or is answered: its response arrows are
//   printed wherever the item is;
// - meetings: real meetings — CONSULT with a named source and a named target on another side
//   (sideKey, src/insights/precedents.ts), asserted or reported, or planned (labelled "planned
//   meeting"). A hypothetical, negated or one-sided CONSULT ("talks" with no counterpart, a
//   party's own meeting) is no meeting: it goes to "other actions" with its label;
// - threats and offers: THREATEN, AID and AGREE, labelled with their modality (a hypothetical
//   offer is marked "hypothetical offer");
// - other actions: the rest (sanctions, force, cooperation, protests, concessions …).
// Article text (quotes, sentences, outlets, names) is decoded here (plainText, escape.ts), so
// neither the JSON nor a rendering shows "&amp;".
// With a focus country, only events where it is the source or target are kept, and personnel
// changes of people of that country (their entity's country in the article, else an article
// naming the focus country).
import type { Trend } from '../insights/trends.js';
import { actorLabel, eventRef, type TimelineEntry } from '../events/timeline.js';
import type { ActorRef, MergedEvent } from '../events/types.js';
import { UNNAMED_INSTITUTION, type PersonnelChange } from '../insights/personnel.js';
import type { ArticleEntityCountry } from '../store/briefs.js';
import { sideKey } from '../insights/precedents.js';
import { describeReciprocity, type Reciprocity } from '../insights/reciprocity.js';
import { plainText } from './escape.js';
import { plainRank, RANKING_FORMULA, repeatOf, scoreParts, totalScore } from './rank.js';
import type { Brief, BriefInput, BriefItem, BriefLink, BriefPersonnelItem, BriefSections, BriefTrendLine } from './types.js';

const DEFAULT_LIMIT = 10;
/** Speech acts: what someone says (PROTEST is a march or boycott, CONCEDE and RETREAT are deeds). */
const SPEECH = new Set(['STATEMENT', 'ACCUSE', 'REJECT', 'REQUEST', 'SUPPORT']);
/** Modes of speech types that are deeds. */
const DEED_MODES = new Set(['ACCUSE/investigate', 'ACCUSE/legal', 'SUPPORT/sign']);
const OFFERS = new Set(['AID', 'AGREE']);

export function involves(e: Pick<MergedEvent, 'source' | 'target'>, country: string): boolean {
  return e.source.country?.toUpperCase() === country || e.target?.country?.toUpperCase() === country;
}

const label = (a: ActorRef | null) => plainText(actorLabel(a));
const text = (t: string | null) => (t === null ? null : plainText(t));

function summary(e: MergedEvent): string {
  return `${label(e.source)} → ${label(e.target)} ${e.type}`;
}

/** A speech act: statement, accusation, rejection, appeal or demand, verbal support. */
export function isSpeechAct(e: Pick<MergedEvent, 'type' | 'mode'>): boolean {
  return SPEECH.has(e.type) && !DEED_MODES.has(`${e.type}/${e.mode ?? ''}`);
}

/** A real meeting: CONSULT between two named sides, not negated, asserted, reported or planned. */
export function isMeeting(e: Pick<MergedEvent, 'type' | 'source' | 'target' | 'negated' | 'modality'>): boolean {
  return e.type === 'CONSULT' && !e.negated && e.modality !== 'hypothetical' && counterpart(e.source, e.target);
}

/** Both sides named, and different sides (a party's own meeting has no counterpart). */
function counterpart(source: ActorRef, target: ActorRef | null): boolean {
  const [a, b] = [sideKey(source), sideKey(target)];
  return a !== null && b !== null && a !== b;
}

/** What the item is, in words: "hypothetical offer", "threat", "planned meeting", "statement" … */
export function itemLabel(e: Pick<MergedEvent, 'type' | 'modality' | 'negated'> & Partial<Pick<MergedEvent, 'source' | 'target'>>): string {
  const oneSided = e.type === 'CONSULT' && e.source !== undefined && !counterpart(e.source, e.target ?? null);
  const base = OFFERS.has(e.type) ? 'offer' : e.type === 'THREATEN' ? 'threat' : e.type === 'CONSULT' ? (oneSided ? 'talks, no counterpart named' : 'meeting') : e.type.toLowerCase();
  const parts = [e.negated ? 'no' : '', e.modality === 'asserted' ? '' : e.modality, base].filter(Boolean);
  return parts.join(' ');
}

export function sectionOf(e: MergedEvent): keyof BriefSections {
  if (isMeeting(e)) return 'meetings';
  if (e.type === 'THREATEN' || OFFERS.has(e.type)) return 'threatsOffers';
  if (isSpeechAct(e)) return 'statements';
  return 'other';
}

/** Personnel changes of the focus country: the person's entity country in the article, else an article naming the country. */
export function personnelOfFocus(changes: PersonnelChange[], countries: ArticleEntityCountry[], focus: string | null): PersonnelChange[] {
  if (!focus) return changes;
  return changes.filter((c) => {
    const inArticle = countries.filter((x) => x.articleId === c.evidence.articleId);
    const own = inArticle.find((x) => x.entityKey === c.personKey);
    return own ? own.country.toUpperCase() === focus : inArticle.some((x) => x.country.toUpperCase() === focus);
  });
}

/** A trend laid out for a brief: per-bucket series and spike buckets. */
export function trendLine(label: string, kind: 'actor' | 'dyad', trend: Trend): BriefTrendLine {
  return {
    label, kind,
    buckets: trend.buckets.map((b) => b.bucket),
    articles: trend.buckets.map((b) => b.articles),
    events: trend.buckets.map((b) => b.events),
    tone: trend.buckets.map((b) => b.meanIntensity),
    spikes: trend.buckets.filter((b) => b.spike.length > 0).map((b) => b.bucket),
    ...(kind === 'dyad' && trend.reciprocity ? { reciprocity: reciprocityOf(trend.reciprocity) } : {}),
  };
}

function reciprocityOf(r: Reciprocity): NonNullable<BriefTrendLine['reciprocity']> {
  return { value: r.value, pairs: r.pairs, insufficient: r.insufficient, minPairs: r.minPairs, note: r.note, text: describeReciprocity(r, 'day') };
}

/** The focus country's main counterparts in the window: the other side's country, most events first (ties by code). */
export function mainCounterparts(entries: TimelineEntry[], focus: string | null, n = 3): string[] {
  const counts = new Map<string, number>();
  for (const { event: e } of entries) {
    const sides = [e.source.country, e.target?.country].filter((c): c is string => !!c).map((c) => c.toUpperCase());
    for (const c of focus ? (sides.includes(focus) ? sides.filter((s) => s !== focus) : []) : sides) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([c]) => c);
}

export function assembleBrief(input: BriefInput): Brief {
  const focus = input.focus?.toUpperCase() ?? null;
  const weight = input.actorWeight ?? plainRank;
  const limit = input.limit ?? DEFAULT_LIMIT;
  const inWindow = input.entries.filter((x) => x.event.sortDate >= input.since && x.event.sortDate <= input.until && (!focus || involves(x.event, focus)));
  const known = new Map<number, MergedEvent>();
  for (const x of [...input.earlier, ...input.entries]) known.set(x.event.id, x.event);
  const answeredBy = new Map<number, BriefLink[]>();
  for (const x of inWindow) {
    for (const l of x.respondsTo) {
      const list = answeredBy.get(l.respondsTo) ?? [];
      list.push({ ref: eventRef(x.event.id), summary: summary(x.event), rule: l.rule, confidence: l.confidence, cue: text(l.cue) });
      answeredBy.set(l.respondsTo, list);
    }
  }
  const history = [...input.earlier, ...input.entries];
  const sections: BriefSections = { statements: [], meetings: [], threatsOffers: [], other: [] };
  for (const entry of inWindow) {
    const e = entry.event;
    const repeat = repeatOf(entry, history);
    const parts = scoreParts(entry, input.since, repeat !== null, weight);
    const first = [...entry.reports].sort((a, b) => a.seenAt.localeCompare(b.seenAt) || a.articleId - b.articleId)[0];
    const quote = text(e.quote ?? entry.reports.find((r) => r.quote)?.quote ?? null);
    const item: BriefItem = {
      id: e.id, ref: eventRef(e.id), date: e.date, sortDate: e.sortDate, type: e.type, mode: e.mode, modality: e.modality, negated: e.negated,
      label: itemLabel(e), source: label(e.source), target: e.target ? label(e.target) : null, intensity: e.intensity, quote,
      evidence: first ? { articleId: first.articleId, url: first.url, outlet: text(first.outlet), sentence: plainText(first.sentence) } : null,
      reportCount: e.reportCount, outlets: e.outlets.map(plainText),
      answers: entry.respondsTo.map((l) => {
        const other = known.get(l.respondsTo);
        return { ref: eventRef(l.respondsTo), summary: other ? summary(other) : null, rule: l.rule, confidence: l.confidence, cue: text(l.cue) };
      }),
      answeredBy: answeredBy.get(e.id) ?? [],
      novel: parts.novelty === 1, repeatOf: repeat ? eventRef(repeat.event.id) : null,
      score: totalScore(parts), parts,
    };
    sections[sectionOf(e)].push(item);
  }
  for (const key of Object.keys(sections) as (keyof BriefSections)[]) {
    sections[key] = sections[key].sort((a, b) => b.score - a.score || b.sortDate.localeCompare(a.sortDate) || b.id - a.id).slice(0, limit);
  }
  const personnel: BriefPersonnelItem[] = personnelOfFocus(input.personnel, input.personnelCountries, focus)
    .slice(0, limit)
    .map((c) => ({
      date: c.date, person: plainText(c.person), title: plainText(c.title), change: c.change, institution: c.institution.name === UNNAMED_INSTITUTION ? '' : plainText(c.institution.name),
      evidence: { articleId: c.evidence.articleId, url: c.evidence.url, outlet: text(c.evidence.outlet), sentence: plainText(c.evidence.sentence) },
    }));
  const window = input.since === input.until ? input.since : `${input.since} – ${input.until}`;
  return {
    title: `Readout brief${focus ? `: ${focus}` : ''}, ${window}`,
    generatedAt: input.generatedAt, since: input.since, until: input.until, focus,
    sections, personnel, trends: input.trends, ranking: RANKING_FORMULA,
  };
}

/** Items in the brief (events and personnel moves). */
export function itemCount(brief: Brief): number {
  const s = brief.sections;
  return s.statements.length + s.meetings.length + s.threatsOffers.length + s.other.length + brief.personnel.length;
}
