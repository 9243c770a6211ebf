// Links an event with an explicit response cue ("dismissed", "in response to") to the earlier
// event in the same article it answers. When the sentence names the act it answers ("in
// retaliation for the strike", "a day after Chile warned Peru"), that act (namedAntecedents);
// else the latest earlier event whose dyad is this one reversed, else the latest earlier event by
// this event's target; never one dated after it.
import type { AnalysisEvent, EventActor } from '../types.js';

const same = (a: EventActor | null, b: EventActor | null): boolean =>
  !!a && !!b && ((!!a.entityId && a.entityId === b.entityId) || (!!a.country && a.country === b.country));

/** True when date a is known to be later than date b (partial dates compare on their common prefix). */
function after(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
}

/**
 * In one sentence, the sentence's own acts and the earlier acts its clauses name: the act a
 * response cue names ("in retaliation for the strike") is what the sentence's acts answer; an act
 * in an after-clause ("a day after Chile warned Peru") is, when its dyad is the answer's reversed
 * (the one addressed then acts, or acts on the one who spoke). Returns [answer, answered] pairs.
 */
export function namedAntecedents(events: { e: AnalysisEvent; earlier: 'after' | 'response' | null }[]): [AnalysisEvent, AnalysisEvent][] {
  const pairs: [AnalysisEvent, AnalysisEvent][] = [];
  const own = events.filter((x) => !x.earlier).map((x) => x.e);
  for (const x of events) {
    if (!x.earlier) continue;
    for (const answer of own) {
      const reversed = same(x.e.source, answer.target) || same(x.e.target, answer.source);
      if (x.earlier === 'response' ? answer.responseCue : reversed) pairs.push([answer, x.e]);
    }
  }
  return pairs;
}

export function linkResponses(events: AnalysisEvent[]): void {
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (!e.responseCue || !e.target || e.respondsTo) continue;
    let byTarget: AnalysisEvent | null = null;
    for (let j = i - 1; j >= 0; j--) {
      const p = events[j]!;
      if (p.sentence?.start === e.sentence?.start || after(p.date, e.date)) continue;
      if (same(p.source, e.target) && same(p.target, e.source)) {
        e.respondsTo = p.id;
        break;
      }
      if (!byTarget && same(p.source, e.target) && p.type !== 'STATEMENT') byTarget = p;
    }
    if (!e.respondsTo && byTarget) e.respondsTo = byTarget.id;
  }
}
