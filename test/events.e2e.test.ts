// The event layer end to end, through the real pipeline and analyzer: articles by fictional
// outlets are ingested into a fresh SQLite store (`readout ingest`), then `readout timeline
// --json` must show one event per real-world event. Depends on the per-article event extractor
// (src/analyze: Analysis.events); until it lands, analyses carry no events and this test fails
// at the first timeline expectation.
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { ingestedStore } from './helpers/ingested-store.js';

interface Actor { name: string | null; entityId: string | null; country: string | null }
interface Ev {
  id: string; date: string | null; type: string; modality: string; source: Actor; target: Actor;
  reports: { url: string; source: string | null; published: string | null; sentence: string }[]; respondsTo: string[];
}

// 2026-03-02 is a Monday. The offer is told by three outlets on three days; the reply comes on Wednesday.
const ARTICLES = [
  { url: 'https://harbor-ledger.example/2026/03/02/talks', source: 'Harbor Ledger', published: '2026-03-02T15:00:00Z', title: 'US offers talks to North Korea',
    text: 'The United States on Monday offered to hold talks with North Korea without preconditions, the State Department said.\n\nThe offer follows months of missile tests.' },
  { url: 'https://northern-wire.example/news/us-dprk-offer', source: 'Northern Wire', published: '2026-03-03T08:00:00Z', title: 'Washington proposes dialogue with Pyongyang',
    text: 'Washington on Monday offered talks with North Korea with no preconditions, officials said.\n\nAnalysts said the proposal was unlikely to change much.' },
  { url: 'https://daily-meridian.example/world/talks-offer', source: 'Daily Meridian', published: '2026-03-04T06:00:00Z', title: 'Talks offer awaits an answer',
    text: 'The United States offered on Monday to hold talks with North Korea without preconditions.\n\nNo date has been set.' },
  { url: 'https://capital-courier.example/asia/rejection', source: 'Capital Courier', published: '2026-03-04T18:00:00Z', title: 'North Korea rejects US offer',
    text: "North Korea's foreign ministry on Wednesday rejected the US offer of talks, in response to the proposal made on Monday.\n\nThe ministry called the offer a trick." },
  { url: 'https://tidewater-post.example/aid-condition', source: 'Tidewater Post', published: '2026-03-03T12:00:00Z', title: 'Aid only with talks',
    text: 'The United States would provide food aid to North Korea if Pyongyang returned to negotiations, a senior official said on Tuesday.' },
];

describe('event timeline end to end (ingest → analyze → merge → timeline)', () => {
  let env: NodeJS.ProcessEnv;
  let events: Ev[];

  beforeAll(async () => {
    ({ env } = await ingestedStore('events-e2e', ARTICLES));
    const r = await runCli(['timeline', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    events = JSON.parse(r.stdout) as Ev[];
  }, 120_000);

  const outletsOf = (e: Ev) => e.reports.map((r) => r.source);
  const is = (a: Actor, iso: string) => a.country === iso;

  it('merges the offer reported by three outlets on three days into one event', () => {
    const offers = events.filter((e) => is(e.source, 'USA') && is(e.target, 'PRK') && e.modality !== 'hypothetical' && e.type !== 'AID');
    const offer = offers.find((e) => ['Harbor Ledger', 'Northern Wire', 'Daily Meridian'].every((o) => outletsOf(e).includes(o)));
    expect(offer, JSON.stringify(events, null, 1)).toBeDefined();
    expect(offer!.reports.length).toBeGreaterThanOrEqual(3);
    expect(offer!.date).toBe('2026-03-02');
    // No second event of the same type and dyad that day: reports are not counted as events.
    expect(offers.filter((e) => e.type === offer!.type && e.date === offer!.date)).toHaveLength(1);
  });

  it('links the rejection two days later to the offer', () => {
    const offer = events.find((e) => is(e.source, 'USA') && is(e.target, 'PRK') && outletsOf(e).includes('Harbor Ledger'))!;
    const reject = events.find((e) => e.type === 'REJECT' && is(e.source, 'PRK') && is(e.target, 'USA'));
    expect(reject, JSON.stringify(events, null, 1)).toBeDefined();
    expect(reject!.date).toBe('2026-03-04');
    expect(outletsOf(reject!)).toContain('Capital Courier');
    expect(reject!.respondsTo).toContain(offer.id);
  });

  it('keeps the hypothetical aid offer apart, marked hypothetical', () => {
    const withAid = events.filter((e) => e.reports.some((r) => /would provide food aid/.test(r.sentence)));
    expect(withAid.length, JSON.stringify(events, null, 1)).toBeGreaterThan(0);
    for (const e of withAid) {
      expect(e.modality).toBe('hypothetical');
      expect(outletsOf(e)).toEqual(['Tidewater Post']);
    }
    expect(events.some((e) => e.type === 'AID' && e.modality !== 'hypothetical')).toBe(false);
  });
});
