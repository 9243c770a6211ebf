// Store contract, part 6b: the timeline's reads. The type filter (any of several types, with the
// other filters), event counts per day and per ISO week with the same filter (one GROUP BY), one
// event with its response links both ways, and reportCount: distinct articles, whatever the
// number of reports, kept equal to the reports linked through re-analysis.
import { describe, expect, it } from 'vitest';
import type { AnalysisEvent } from '../src/analyze/types.js';
import type { TimelineEntry } from '../src/events/timeline.js';
import type { Store } from '../src/store/types.js';
import { fakeAnalysis } from './store.contract-analyses.js';
import { ev } from './store.contract-events.js';
import type { ContractContext } from './store.contract.js';
import { sampleArticle } from './store.contract.js';

const PRK = { name: 'North Korea', entityId: 'country:PRK', country: 'PRK' };
const USA = { name: 'the United States', entityId: 'country:USA', country: 'USA' };
const KOR = { name: 'South Korea', entityId: 'country:KOR', country: 'KOR' };
const said = (text: string) => ({ sentence: { start: 0, end: text.length, text } });

async function report(store: Store, outlet: string, published: string, events: AnalysisEvent[]): Promise<number> {
  const { id } = await store.insertArticle(sampleArticle({ sourceName: outlet, published }));
  await store.saveAnalysis(id, fakeAnalysis('x', [], { events }));
  return id;
}

/** Four days of one fortnight: 2026-03-02 and 2026-03-09 are Mondays, 2026-03-08 a Sunday. */
async function fortnight(store: Store): Promise<void> {
  await report(store, 'Harbor Ledger', '2026-03-02T09:00:00Z', [ev({ type: 'COOPERATE', source: USA, target: PRK, intensity: 4, ...said('The United States offered talks with North Korea.') })]);
  await report(store, 'Northern Wire', '2026-03-04T09:00:00Z', [
    ev({ date: '2026-03-04', ...said('North Korea on Wednesday rejected the talks offer.') }),
    ev({ id: 'e2', date: '2026-03-04', type: 'THREATEN', source: USA, target: PRK, intensity: -6, ...said('Washington threatened new sanctions against Pyongyang.') }),
  ]);
  await report(store, 'Daily Meridian', '2026-03-08T09:00:00Z', [ev({ date: '2026-03-08', type: 'THREATEN', intensity: -7, ...said('North Korea threatened to answer strength with strength.') })]);
  await report(store, 'Daily Meridian', '2026-03-09T09:00:00Z', [ev({ date: '2026-03-09', type: 'SANCTION', source: USA, target: KOR, intensity: -5, ...said('The United States fined a South Korean bank.') })]);
  await store.mergeEvents();
}

/** reportCount is the number of distinct articles among the reports linked to the event. */
function countsAgree(entries: TimelineEntry[]): void {
  for (const e of entries) expect(e.event.reportCount, `event ${e.event.id}`).toBe(new Set(e.reports.map((r) => r.articleId)).size);
}

export function timelineContract(ctx: ContractContext): void {
  describe('timeline reads', () => {
    it('filters by any of several types, with the actor, dyad and day filters', async () => {
      const { store } = ctx;
      await fortnight(store);
      const types = async (f: Parameters<Store['timeline']>[0]) => (await store.timeline(f)).map((e) => `${e.event.sortDate} ${e.event.type}`);
      expect(await types({ types: ['THREATEN'] })).toEqual(['2026-03-04 THREATEN', '2026-03-08 THREATEN']);
      expect(await types({ types: ['threaten', 'SANCTION'] })).toEqual(['2026-03-04 THREATEN', '2026-03-08 THREATEN', '2026-03-09 SANCTION']);
      expect(await types({ types: ['THREATEN'], dyad: { a: { countries: ['USA'] }, b: { countries: ['PRK'] }, directed: true } })).toEqual(['2026-03-04 THREATEN']);
      expect(await types({ types: ['THREATEN', 'SANCTION'], actor: { ids: ['country:USA'] }, since: '2026-03-05' })).toEqual(['2026-03-08 THREATEN', '2026-03-09 SANCTION']);
      expect(await types({ types: ['AID'] })).toEqual([]);
      expect(await types({ types: [] })).toHaveLength(5);
    });

    it('counts the filter\'s events per day and per ISO week with one query', async () => {
      const { store } = ctx;
      await fortnight(store);
      expect(await store.timelineCounts({ by: 'day' })).toEqual([
        { day: '2026-03-02', events: 1 }, { day: '2026-03-04', events: 2 }, { day: '2026-03-08', events: 1 }, { day: '2026-03-09', events: 1 },
      ]);
      // Weeks are keyed by their Monday: Sunday 2026-03-08 belongs to the week of 2026-03-02.
      expect(await store.timelineCounts({ by: 'week' })).toEqual([{ day: '2026-03-02', events: 4 }, { day: '2026-03-09', events: 1 }]);
      expect(await store.timelineCounts({ by: 'day', types: ['THREATEN'], dyad: { a: { countries: ['PRK'] }, b: { countries: ['USA'] } } })).toEqual([
        { day: '2026-03-04', events: 1 }, { day: '2026-03-08', events: 1 },
      ]);
      expect(await store.timelineCounts({ by: 'week', actor: { countries: ['KOR'] }, since: '2026-03-03', until: '2026-03-31' })).toEqual([{ day: '2026-03-09', events: 1 }]);
      expect(await store.timelineCounts({ by: 'day', actor: { ids: ['country:FRA'] } })).toEqual([]);
      // The counts are those of the list the same filter gives.
      const filter = { actor: { countries: ['PRK'] }, since: '2026-03-03' };
      const listed = await store.timeline(filter);
      const counted = await store.timelineCounts({ ...filter, by: 'day' });
      expect(counted.reduce((n, b) => n + b.events, 0)).toBe(listed.length);
    });

    it('reads one event with the links from it and from the events that answer it', async () => {
      const { store } = ctx;
      const offer = ev({ type: 'COOPERATE', source: USA, target: PRK, intensity: 4, ...said('The United States offered talks with North Korea without preconditions.') });
      await report(store, 'Harbor Ledger', '2026-03-02T09:00:00Z', [offer]);
      await report(store, 'Northern Wire', '2026-03-04T09:00:00Z', [
        ev({ date: '2026-03-04', responseCue: 'in response to', ...said('North Korea on Wednesday rejected talks, in response to the US offer.') }),
        ev({ id: 'e2', date: '2026-03-05', type: 'THREATEN', intensity: -7, respondsTo: 'e1', responseCue: 'replied', source: USA, target: PRK, ...said('Washington replied with a warning.') }),
      ]);
      await store.mergeEvents();
      const [o, r, t] = (await store.timeline()).map((e) => e.event.id) as [number, number, number];
      const middle = (await store.timelineEvent(r))!;
      expect(middle.event).toMatchObject({ id: r, type: 'REJECT', reportCount: 1 });
      expect(middle.reports.map((x) => x.outlet)).toEqual(['Northern Wire']);
      expect(middle.respondsTo.map((l) => [l.eventId, l.respondsTo, l.rule])).toEqual([[r, o, 'cue']]);
      expect(middle.answeredBy.map((l) => [l.eventId, l.respondsTo, l.rule, l.sentence])).toEqual([[t, r, 'in-article', 'Washington replied with a warning.']]);
      expect((await store.timelineEvent(o))!.answeredBy.map((l) => l.eventId)).toEqual([r]);
      expect((await store.timelineEvent(t))!.answeredBy).toEqual([]);
      expect(await store.timelineEvent(t + 100)).toBeNull();
      expect(await store.timelineEvent(0)).toBeNull();
    });

    it('counts distinct articles in reportCount, and keeps it equal to the reports linked through re-analysis', async () => {
      const { store } = ctx;
      // One article telling the event twice (a quote split over two sentences): two reports, one article.
      const twice = await report(store, 'Harbor Ledger', '2026-03-02T09:00:00Z', [ev(said('North Korea rejected the US offer of talks.')), ev({ id: 'e2', ...said('North Korea rejected the offer of talks, the ministry said.') })]);
      await store.mergeEvents();
      let [only] = await store.timeline();
      expect(only!.reports.map((x) => x.articleId)).toEqual([twice, twice]);
      expect(only!.event.reportCount).toBe(1);

      const second = await report(store, 'Northern Wire', '2026-03-03T07:00:00Z', [ev(said("Pyongyang on Monday dismissed Washington's offer of talks."))]);
      await report(store, 'Daily Meridian', '2026-03-09T07:00:00Z', [ev({ date: '2026-03-09', ...said('North Korea rejected new sanctions talk.') })]);
      await store.mergeEvents();
      let all = await store.timeline();
      expect(all.map((e) => [e.event.sortDate, e.event.reportCount, e.reports.length])).toEqual([['2026-03-02', 2, 3], ['2026-03-09', 1, 1]]);
      countsAgree(all);

      // Re-analysis moves the second outlet's report to the later event: both counts follow.
      await store.saveAnalysis(second, fakeAnalysis('x', [], { events: [ev({ date: '2026-03-09', ...said('North Korea rejected new sanctions talk on Monday.') })] }));
      await store.mergeEvents();
      all = await store.timeline();
      expect(all.map((e) => [e.event.sortDate, e.event.reportCount, e.reports.length, e.event.outlets])).toEqual([
        ['2026-03-02', 1, 2, ['Harbor Ledger']],
        ['2026-03-09', 2, 2, ['Northern Wire', 'Daily Meridian']],
      ]);
      countsAgree(all);
      countsAgree([(await store.timelineEvent(all[1]!.event.id))!]);

      // The article that told it twice now tells it once: still one article, one report.
      await store.saveAnalysis(twice, fakeAnalysis('x', [], { events: [ev(said('North Korea rejected the US offer of talks.'))] }));
      await store.mergeEvents();
      [only] = await store.timeline({ until: '2026-03-02' });
      expect([only!.event.reportCount, only!.reports.length]).toEqual([1, 1]);
      countsAgree(await store.timeline());
    });
  });
}
