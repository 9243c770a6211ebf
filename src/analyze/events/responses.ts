// Links an event with an explicit response cue ("dismissed", "in response to") to the earlier
// event in the same article it answers: the latest earlier event whose dyad is this one reversed,
// else the latest earlier event by this event's target; never one dated after it.
import type { AnalysisEvent, EventActor } from '../types.js';

const same = (a: EventActor | null, b: EventActor | null): boolean =>
  !!a && !!b && ((!!a.entityId && a.entityId === b.entityId) || (!!a.country && a.country === b.country));

/** True when date a is known to be later than date b (partial dates compare on their common prefix). */
function after(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
}

export function linkResponses(events: AnalysisEvent[]): void {
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (!e.responseCue || !e.target) continue;
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
