// Coded events per article: who did what to whom (PLOVER type and mode), how strongly (intensity
// on −10 … +10 from data/lexicon/events.yaml), how sure (negation, modality, sourcing), when (from
// the text, else the publication day marked as such), with the sentence and trigger as evidence;
// then one report per happening (happenings.ts) and what each answers (responses.ts: the act a
// sentence names first). The rules find and type the trigger hits; the learned typer (typing/) drops a
// hit it is confident is no event. Pure and deterministic: the lexicon and the typer's weights
// are loaded once per process; only sentences with a trigger do any work.
import type { Registry } from '../../registry/types.js';
import { quoteLexicon } from '../quotes/lexicon.js';
import type { AnalysisEvent, ArticleInput, DateMention, EntityIndex, EventActor, Quote, Segmented } from '../types.js';
import { actorOf, dominantCountry, isInternational, isNewsOutlet, personCountry, speakerActor } from './actor-roll.js';
import { dropMisreadActors } from './actor-checks.js';
import { mentionsIn, noTriggerSpans, pickActors, placedMentions } from './actors.js';
import { codeAct } from './coding.js';
import { isCaption } from './caption.js';
import { SAYING_TYPES } from './saying.js';
import { isCreditLine } from './credits.js';
import { isCrossReference } from './cross-reference.js';
import { datelineLength } from '../entities/dateline.js';
import { datePicker, publicationDay, type EventDate } from './event-date.js';
import { oneReportPerHappening } from './happenings.js';
import { eventLexicon } from './lexicon.js';
import { isNegated, modalityOf, responseCueOf, sentenceModality, sentenceSourcing } from './qualifiers.js';
import { linkResponses, namedAntecedents } from './responses.js';
import { findTriggers } from './triggers.js';
import { keepsHit, loadTypingModel } from './typing/classify.js';

/** The end of the article's first two paragraphs: its headline and lede (or lede and follow-up). */
function ledeEnd(seg: Segmented): number {
  return seg.sentences.filter((s) => s.paragraph <= 1).at(-1)?.end ?? 0;
}

/** Characters either side of a trigger searched for its actors when a sentence is very long. */
export const ACTOR_WINDOW = 600;

export function findEvents(
  seg: Segmented, entities: EntityIndex, quotes: Quote[], dates: DateMention[], registry: Registry, input: ArticleInput,
): AnalysisEvent[] {
  const lex = eventLexicon();
  const typer = loadTypingModel();
  const placed = placedMentions(entities);
  const bySentence = findTriggers(seg, lex, noTriggerSpans(dates, placed));
  if (!bySentence.some((h) => h?.length)) return [];
  const when = datePicker(seg, dates, input.published, quotes);
  const speechVerbs = quoteLexicon().indirectVerbs;
  let dominant: string | null | undefined;
  const out: AnalysisEvent[] = [];
  const named = new Map<AnalysisEvent, AnalysisEvent>();
  for (let si = 0; si < bySentence.length; si++) {
    const hits = bySentence[si];
    if (!hits?.length) continue;
    const s = seg.sentences[si]!;
    if (isCrossReference(s.text) || isCaption(s.text) || isCreditLine(s.text)) continue;
    const from = s.start + datelineLength(s.text);
    const inSentence = mentionsIn(placed, from, s.end);
    const sentQuotes = quotes.filter((q) => q.start < s.end && s.start < q.end);
    const stateMedium = inSentence.some((p) => !!p.e.id && isNewsOutlet(p.e, registry));
    const responseCue = responseCueOf(s.text, lex);
    const sm = sentenceModality(s.text, lex);
    const sentSourcing = sentenceSourcing(s.text, { anonymousSpeaker: sentQuotes.some((q) => q.speaker?.anonymous), stateMedium }, lex);
    const seen = new Set<string>();
    const inThis: { e: AnalysisEvent; earlier: EventDate['earlier'] }[] = [];
    for (const h of hits) {
      // In a run-on "sentence" (a table, a page without full stops) actors are looked for near the trigger only.
      const near = s.end - s.start > 2 * ACTOR_WINDOW ? mentionsIn(placed, Math.max(from, h.start - ACTOR_WINDOW), Math.min(s.end, h.end + ACTOR_WINDOW)) : inSentence;
      const pick = pickActors(seg, h.token, h.end, near, entities, sentQuotes, speechVerbs, h.type);
      dropMisreadActors(pick, h, seg.text, s.start, near, registry);
      const read = modalityOf(seg, h.token, sm, lex);
      const dated = when.dateFor(si, h.start, pick.clauseFrom, read === 'planned' || read === 'hypothetical');
      const date = dated.date;
      const source: EventActor = pick.source ? actorOf(pick.source, registry, date)
        : pick.speaker ? speakerActor(pick.speaker)
        : pick.group ? { name: pick.group.name, entityId: null, country: pick.group.country }
        : { name: null, entityId: null, country: null };
      let target = pick.target ? actorOf(pick.target, registry, date) : null;
      // A person or institution the registry does not place gets its country from the sentence or the article.
      if ((pick.source?.type === 'person' || pick.source?.type === 'organization') && !source.country && !isInternational(registry, source.institution)) {
        const src = pick.source;
        const at = near.filter((p) => p.e === src && p.m.end <= h.start).at(-1) ?? near.find((p) => p.e === src);
        source.country = personCountry(seg.text, at, h.start, near, (dominant ??= dominantCountry(placed)));
      }
      // A group the sentence does not place ("Police fired …") belongs to the article's country, if one dominates.
      if (pick.group && !source.country) source.country = (dominant ??= dominantCountry(placed));
      // An act with neither actor ("the conference opened"), or a statement by nobody, tells a desk nothing.
      const hasSource = !!(source.name || source.entityId || source.country);
      if (!hasSource && (!target || h.type === 'STATEMENT')) continue;
      const negation = isNegated(seg, h.token, lex);
      // The learned typer (typing/) drops a hit it is confident is no event (a byline, a caption, a
      // background mention); STATEMENT hits are the rules' alone.
      if (!keepsHit({ seg, hit: h, mentions: near, negated: negation, modality: read }, typer)) continue;
      // Nobody acts on themselves: a target that is the source (often the speaker named again) is dropped.
      if (target && ((target.entityId && target.entityId === source.entityId) || (target.name && target.name === source.name))) target = null;
      const key = `${h.type}|${source.entityId ?? source.name}|${target?.entityId ?? target?.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const coded = codeAct(h.type, h.mode, negation, read);
      if (!coded) continue;
      const { type, mode, negated, modality } = coded;
      const level = lex.level(type, mode);
      const intensity = negated ? -level.intensity * lex.negatedFactor : level.intensity;
      // The speaker's words the act is told in: direct ones (a statement-type act: the sentence's
      // quote, "warned Peru that '…'"), else the reported speech it sits in
      // ("X said it was open to talks"), so outlets quoting and paraphrasing one statement meet.
      const quote = sentQuotes.find((q) => q.kind !== 'indirect' && q.start <= h.start && h.start < q.end)
        ?? (SAYING_TYPES.has(type) ? sentQuotes.find((q) => q.kind !== 'indirect') : undefined)
        ?? sentQuotes.find((q) => q.kind === 'indirect' && q.start <= h.start && h.start < q.end);
      const event: AnalysisEvent = {
        id: '',
        date,
        type,
        mode,
        source,
        target,
        intensity: Math.round(intensity * 10) / 10 || 0,
        cameo: level.cameo,
        negated,
        modality,
        sourcing: sentSourcing ?? (pick.source && (pick.source.type === 'country' || pick.source.type === 'organization' || pick.source.id) ? 'official' : 'unknown'),
        sentence: { start: s.start, end: s.end, text: s.text },
        trigger: { start: h.start, end: h.end, text: seg.text.slice(h.start, h.end) },
        quote: quote?.text ?? null,
        respondsTo: null,
        // The cue belongs to the main clause's act, not to the earlier act its clause names.
        responseCue: dated.earlier ? null : responseCue,
      };
      out.push(event);
      inThis.push({ e: event, earlier: dated.earlier });
    }
    for (const [answer, answered] of namedAntecedents(inThis)) named.set(answer, answered);
  }
  const homeOf = new Map<AnalysisEvent, AnalysisEvent>();
  const reports = oneReportPerHappening(out, ledeEnd(seg), homeOf);
  reports.forEach((e, i) => (e.id = `e${i + 1}`));
  // An answer the sentence ties to the act it names links to that act's report first.
  for (const [answer, answered] of named) {
    const [home, target] = [homeOf.get(answer) ?? answer, homeOf.get(answered) ?? answered];
    if (home !== target && !home.respondsTo) home.respondsTo = target.id;
  }
  linkResponses(reports);
  // A happening nothing in the text dates took place on or before publication: it gets that day, marked.
  const published = publicationDay(input.published);
  for (const e of reports) {
    if (e.date) e.datePrecision = 'text';
    else if (published) [e.date, e.datePrecision] = [published, 'published'];
  }
  return reports;
}
