import { describe, expect, it } from 'vitest';
import { PRK, USA, report } from '../events/fixtures.js';
import { mergedFields } from '../events/merge.js';
import type { TimelineEntry } from '../events/timeline.js';
import type { EventReport, ResponseLink } from '../events/types.js';
import { buildPrecedents, CRISIS_DAYS, crisisStart, dayRange, dyadDirection, exchangeIds, followWindow, outsideCrisis, rankPrecedents, sideKey, whatFollowed } from './precedents.js';

const CHN = { name: 'China', entityId: 'country:CHN', country: 'CHN', institution: null };

function entry(id: number, over: Partial<EventReport>, links: Partial<ResponseLink>[] = []): TimelineEntry {
  const reports = [report({ anchor: over.date ?? '2026-03-02', ...over })];
  return {
    event: { id, ...mergedFields(reports) },
    reports,
    respondsTo: links.map((l) => ({ eventId: id, respondsTo: 0, rule: 'cue', confidence: 0.8, articleId: 1, sentence: 's', cue: null, ...l })),
  };
}

const now = entry(100, { date: '2026-05-10', type: 'REJECT', quote: 'We reject the offer of talks as a hostile trick', trigger: 'rejected' });

describe('precedents', () => {
  it('keys sides by country, else entity, institution or name', () => {
    expect(sideKey({ name: 'Foreign Ministry', entityId: 'org:prk-mfa', country: 'PRK', institution: 'org:prk-mfa' })).toBe('country:PRK');
    expect(sideKey({ name: 'The Group', entityId: null, country: null, institution: null })).toBe('name:group');
    expect(sideKey(null)).toBeNull();
    expect(dyadDirection({ source: PRK, target: USA }, { source: PRK, target: USA })).toBe('same');
    expect(dyadDirection({ source: PRK, target: USA }, { source: USA, target: PRK })).toBe('reverse');
    expect(dyadDirection({ source: PRK, target: USA }, { source: PRK, target: CHN })).toBeNull();
    expect(dyadDirection({ source: PRK, target: null }, { source: PRK, target: null })).toBe('same');
  });

  it('ranks the most similar earlier events first: same direction over reverse, similar wording over other wording', () => {
    const sameSimilar = entry(1, { date: '2026-01-10', type: 'REJECT', quote: 'We reject the offer of talks, a hostile trick', trigger: 'rejected' });
    const sameOther = entry(2, { date: '2026-02-10', type: 'REJECT', quote: 'The sanctions resolution is unacceptable', trigger: 'rejected', sentence: 'North Korea rejected the sanctions resolution.' });
    const reverseSimilar = entry(3, { date: '2026-03-10', type: 'REJECT', source: USA, target: PRK, quote: 'We reject the offer of talks, a hostile trick', trigger: 'rejected' });
    const otherType = entry(4, { date: '2026-01-11', type: 'THREATEN', quote: 'We reject the offer of talks, a hostile trick' });
    const otherDyad = entry(5, { date: '2026-01-12', type: 'REJECT', target: CHN, quote: 'We reject the offer of talks, a hostile trick' });
    const later = entry(6, { date: '2026-06-01', type: 'REJECT', quote: 'We reject the offer of talks, a hostile trick' });
    const ranked = rankPrecedents(now, [sameOther, reverseSimilar, otherType, otherDyad, later, sameSimilar]);
    expect(ranked.map((m) => m.entry.event.id)).toEqual([1, 3, 2]);
    expect(ranked[0]).toMatchObject({ direction: 'same' });
    expect(ranked[1]).toMatchObject({ direction: 'reverse' });
    expect(ranked[0]!.wording).toBeGreaterThan(0.5);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(ranked[1]!.score).toBeGreaterThan(ranked[2]!.score);
    expect(rankPrecedents(now, [sameOther, sameSimilar], 1).map((m) => m.entry.event.id)).toEqual([1]);
    // Equal scores: the more recent first.
    const twin = entry(7, { date: '2026-01-20', type: 'REJECT', quote: 'We reject the offer of talks, a hostile trick', trigger: 'rejected' });
    expect(rankPrecedents(now, [sameSimilar, twin]).map((m) => m.entry.event.id)).toEqual([7, 1]);
  });

  it('lists what followed within (date, date + N days], either direction, and responses to it', () => {
    const p = entry(1, { date: '2026-01-10', type: 'REJECT' });
    const sameDay = entry(2, { date: '2026-01-10', type: 'THREATEN' });
    const next = entry(3, { date: '2026-01-11', type: 'THREATEN', source: USA, target: PRK, intensity: -6 }, [{ respondsTo: 1, rule: 'reciprocity', confidence: 0.7 }]);
    const lastDay = entry(4, { date: '2026-01-24', type: 'CONSULT', intensity: 1 });
    const tooLate = entry(5, { date: '2026-01-25', type: 'CONSULT' });
    const otherDyad = entry(6, { date: '2026-01-12', type: 'ACCUSE', source: CHN, target: USA });
    const otherDyadAnswer = entry(7, { date: '2026-01-13', type: 'ACCUSE', source: CHN, target: PRK }, [{ respondsTo: 1, rule: 'cue', confidence: 0.6, cue: 'criticised' }]);
    expect(followWindow('2026-01-10', 14)).toEqual({ since: '2026-01-11', until: '2026-01-24' });
    const followed = whatFollowed(p.event, [tooLate, lastDay, otherDyadAnswer, otherDyad, next, sameDay, p], 14);
    expect(followed.map((f) => [f.id, f.daysAfter, f.answersPrecedent])).toEqual([[3, 1, true], [7, 3, true], [4, 14, false]]);
    expect(followed[0]).toMatchObject({ type: 'THREATEN', intensity: -6, respondsTo: [{ id: 1, rule: 'reciprocity', confidence: 0.7 }], url: expect.stringMatching(/^https:/) });
    expect(whatFollowed(p.event, [lastDay, next], 3).map((f) => f.id)).toEqual([3]);

    const result = buildPrecedents(now, [p], [next, lastDay], { days: 14, limit: 3 });
    expect(result).toMatchObject({ days: 14, event: { event: { id: 100 } } });
    expect(result.precedents.map((x) => [x.entry.event.id, x.followed.map((f) => f.id)])).toEqual([[1, [3, 4]]]);
  });

  it('leaves out the same crisis: the event, the exchange it answers, and the 30 days before it', () => {
    expect(CRISIS_DAYS).toBe(30);
    expect(crisisStart(now.event)).toBe('2026-04-10');
    const quote = 'We reject the offer of talks, a hostile trick';
    const old = entry(1, { date: '2026-01-10', type: 'REJECT', quote, trigger: 'rejected' });
    const lastMonth = entry(2, { date: '2026-04-25', type: 'REJECT', quote, trigger: 'rejected' });
    const edge = entry(3, { date: '2026-04-09', type: 'REJECT', quote, trigger: 'rejected' });
    const monthOnly = entry(4, { date: '2026-04', anchor: '2026-04-02', type: 'REJECT', quote, trigger: 'rejected' }); // may be 10–30 April
    // The event answers 6, which answers 5 (weeks earlier): one exchange.
    const start = entry(5, { date: '2026-03-20', type: 'REJECT', source: USA, target: PRK, quote, trigger: 'rejected' });
    const middle = entry(6, { date: '2026-03-25', type: 'THREATEN' }, [{ respondsTo: 5 }]);
    const asked = { ...now, respondsTo: [{ eventId: 100, respondsTo: 6, rule: 'cue' as const, confidence: 0.9, articleId: 1, sentence: 's', cue: 'in response to' }] };
    const exchange = exchangeIds(100, [...asked.respondsTo, ...middle.respondsTo]);
    expect([...exchange].sort((a, b) => a - b)).toEqual([5, 6, 100]);
    expect(dayRange(monthOnly.event)).toEqual({ first: '2026-04-01', last: '2026-04-30' });
    expect(outsideCrisis(asked, [old, lastMonth, edge, monthOnly, start, asked], exchange).map((c) => c.event.id)).toEqual([1, 3]);
    // The ranking alone (the briefs' repeat detection) keeps the exchange's reverse rejection.
    expect(rankPrecedents(asked, [old, start]).map((m) => m.entry.event.id)).toEqual([1, 5]);
    const result = buildPrecedents(asked, [old, lastMonth, edge, monthOnly, start], [], { exchange });
    expect(result.precedents.map((p) => p.entry.event.id)).toEqual([3, 1]);
  });

  it('never lists as what followed an event dated before the precedent, and counts days between event dates', () => {
    const p = entry(1, { date: '2026-01-10', type: 'REJECT' });
    // Linked as answers, but dated (at their precision) before the precedent; their sort date is the day reported.
    const ancient = entry(2, { date: '1979', anchor: '2026-01-12', type: 'ACCUSE' }, [{ respondsTo: 1 }]);
    const lastMonth = entry(3, { date: '2025-12', anchor: '2026-01-11', type: 'ACCUSE' });
    const dayBefore = entry(4, { date: '2026-01-09', type: 'ACCUSE' }, [{ respondsTo: 1 }]);
    // Dated only to the month of the precedent, reported on the 15th: kept, offset approximate.
    const sameMonth = entry(5, { date: '2026-01', anchor: '2026-01-15', type: 'ACCUSE' });
    const exact = entry(6, { date: '2026-01-13', type: 'ACCUSE' });
    const pastCrisisStart = entry(7, { date: '2026-01-20', type: 'ACCUSE' });
    const followed = whatFollowed(p.event, [ancient, lastMonth, dayBefore, sameMonth, exact, pastCrisisStart], 14, '2026-01-20');
    expect(followed.map((f) => [f.id, f.daysAfter, f.approximate])).toEqual([[6, 3, false], [5, 5, true]]);
    expect(whatFollowed(p.event, [pastCrisisStart], 14).map((f) => f.id)).toEqual([7]);
  });
});
