// Cross-outlet identity end to end on invented reporting (ingest → analyze → merge → timeline):
// one speaker's one statement told with different verbs by three outlets is one entry; two
// spokespeople of one government on one day stay two; a retaliation names an older strike and is
// linked to it, not to the nearer threat in between. 2026-04-06 is a Monday.
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestedStore } from './helpers/ingested-store.js';
import { runCli } from './helpers/run-cli.js';

interface Actor { name: string | null; country: string | null }
interface Ev { id: string; date: string | null; datePrecision: string; type: string; source: Actor; target: Actor | null; reports: { source: string | null; sentence: string }[]; respondsTo: string[] }

const a = (outlet: string, slug: string, published: string, text: string) => ({ url: `https://${outlet.toLowerCase().replace(/\s+/g, '-')}.example/${slug}`, source: outlet, published, title: null, text });

const ARTICLES = [
  // One statement, three verbs.
  a('Harbor Ledger', 'ruiz-warns', '2026-04-06T18:00:00Z', 'Chilean foreign ministry spokeswoman Ana Ruiz on Monday warned Peru that "any incursion into our waters will be met with force."'),
  a('Northern Wire', 'ruiz-says', '2026-04-07T07:00:00Z', 'Ana Ruiz, a spokeswoman for the Chilean foreign ministry, said on Monday that "any incursion into our waters will be met with force," in remarks aimed at Peru.'),
  a('Daily Meridian', 'ruiz-criticises', '2026-04-07T09:00:00Z', 'Chile on Monday criticised Peru through foreign ministry spokeswoman Ana Ruiz, who said "any incursion into our waters will be met with force."'),
  // Another spokesperson of the same government, the same day, on another matter.
  a('Capital Courier', 'vidal-denies', '2026-04-06T20:00:00Z', 'Chilean defence ministry spokesman Tomas Vidal on Monday rejected Peru\'s claim that its patrol boats had entered Peruvian waters.'),
  // The strike, the threat in between, and the retaliation that names the strike.
  a('Harbor Ledger', 'strike', '2026-04-08T12:00:00Z', 'Peruvian aircraft bombed a Chilean radar station near the border on Wednesday, killing two technicians, the Chilean army said.'),
  a('Northern Wire', 'threat', '2026-04-09T12:00:00Z', 'Peru on Thursday threatened Chile with further action if its navy did not leave the disputed waters.'),
  a('Tidewater Post', 'retaliation', '2026-04-10T16:00:00Z', 'Chilean artillery shelled Peruvian positions on Friday in retaliation for Wednesday\'s bombing of its radar station, the army said.'),
];

describe('cross-outlet identity and responses end to end', () => {
  let events: Ev[];
  beforeAll(async () => {
    const { env } = await ingestedStore('cross-outlet-e2e', ARTICLES);
    const r = await runCli(['timeline', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    events = JSON.parse(r.stdout) as Ev[];
  }, 120_000);

  const outlets = (e: Ev) => new Set(e.reports.map((r) => r.source));
  const dump = () => JSON.stringify(events.map((e) => [e.id, e.date, e.type, e.source.name, e.target?.country, [...outlets(e)], e.respondsTo]), null, 1);

  it('merges one statement reported with three verbs by three outlets into one entry', () => {
    // Every entry any of the three reports went into.
    const ruiz = events.filter((e) => e.reports.some((r) => /Ruiz/.test(r.sentence)));
    expect(ruiz, dump()).toHaveLength(1);
    expect([...outlets(ruiz[0]!)].sort()).toEqual(['Daily Meridian', 'Harbor Ledger', 'Northern Wire']);
    expect(ruiz[0]!.date).toBe('2026-04-06');
  });

  it('keeps two spokespeople of one government on one day apart', () => {
    const vidal = events.find((e) => e.reports.some((r) => r.source === 'Capital Courier'));
    expect(vidal, dump()).toBeDefined();
    expect(outlets(vidal!).has('Harbor Ledger') || outlets(vidal!).has('Northern Wire')).toBe(false);
  });

  it('links the retaliation to the strike it names, not to the nearer threat', () => {
    const strike = events.find((e) => e.type === 'ASSAULT' && e.source.country === 'PER' && e.date === '2026-04-08');
    const threat = events.find((e) => e.type === 'THREATEN' && e.source.country === 'PER' && e.date === '2026-04-09');
    const shelling = events.find((e) => e.type === 'ASSAULT' && e.source.country === 'CHL' && e.date === '2026-04-10');
    expect([strike, threat, shelling].every(Boolean), dump()).toBe(true);
    expect(shelling!.respondsTo, dump()).toContain(strike!.id);
    expect(shelling!.respondsTo).not.toContain(threat!.id);
  });
});
