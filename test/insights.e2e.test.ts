// Trends and personnel end to end: articles by fictional outlets about fictional officials
// (real country names) go through the real pipeline (`readout ingest`: extract → analyze →
// merge), then `readout trends --dyad … --json` and `readout personnel --changes --json` must
// report what the articles say.
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { EXCHANGE, storyArticles, type Story } from './helpers/desk-stories.js';
import { ingestedStore } from './helpers/ingested-store.js';

const PERSONNEL: readonly Story[] = [
  ['2026-03-05', 'Capital Courier', 'Trade Minister Odile Marchetti was dismissed on Wednesday, the government said.'],
  ['2026-03-06', 'Capital Courier', 'Vice Minister Arvo Peltonen of the Ministry of Foreign Affairs resigned on Thursday, the ministry said.'],
  ['2026-03-07', 'Tidewater Post', 'Deputy Minister Teodor Vask will keep his job despite the scandal, officials said on Saturday.'],
];

const ARTICLES = storyArticles([...EXCHANGE, ...PERSONNEL]);

interface Directed { from: string; to: string; buckets: { bucket: string; events: number; meanIntensity: number | null }[] }
interface TrendJson {
  subject: { kind: string; a: string; b: string };
  by: string;
  buckets: { bucket: string; articles: number; mentions: number; events: number; coop: number; conflict: number; spike: string[] }[];
  directions: [Directed, Directed];
  reciprocity: { value: number | null; pairs: number; lag: number; bFollowsA: { r: number | null; pairs: number }; aFollowsB: { r: number | null; pairs: number } };
}
interface ChangeJson { date: string; person: string; title: string; change: string; institution: { id: string | null; name: string }; evidence: { url: string; date: string; sentence: string } }

describe('trends and personnel end to end (ingest → analyze → merge → trends / personnel)', () => {
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    ({ env } = await ingestedStore('insights-e2e', ARTICLES));
  }, 120_000);

  it('shows a dyad per day in both directions, with the reciprocity of the exchange', async () => {
    const r = await runCli(['trends', '--dyad', 'USA-PRK', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout) as TrendJson;
    expect(t.subject).toMatchObject({ kind: 'dyad', a: 'USA', b: 'PRK' });
    expect(t.buckets.map((b) => b.bucket)).toEqual(EXCHANGE.map(([day]) => day));
    expect(t.buckets.every((b) => b.articles === 1 && b.events >= 1)).toBe(true);
    const [usa, prk] = t.directions;
    expect([usa.from, usa.to, prk.from, prk.to]).toEqual(['USA', 'PRK', 'PRK', 'USA']);
    const days = (d: Directed) => d.buckets.filter((b) => b.events > 0).map((b) => b.bucket);
    expect(days(usa)).toEqual(['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-08']);
    expect(days(prk)).toEqual(['2026-03-03', '2026-03-05', '2026-03-07', '2026-03-09']);
    // North Korea answers warmth with warmth and threats with hostility, a day later.
    expect(t.reciprocity.bFollowsA.pairs).toBe(4);
    expect(t.reciprocity.bFollowsA.r!, JSON.stringify(t.directions)).toBeGreaterThan(0.5);
    expect(t.reciprocity.aFollowsB.pairs).toBe(3);
    expect(t.reciprocity.pairs).toBeGreaterThanOrEqual(4);

    const weekly = JSON.parse((await runCli(['trends', '--dyad', 'USA-PRK', '--by', 'week', '--json'], env)).stdout) as TrendJson;
    expect(weekly.buckets.map((b) => [b.bucket, b.articles])).toEqual([['2026-03-02', 7], ['2026-03-09', 1]]);
    const text = await runCli(['trends', '--dyad', 'USA-PRK'], env);
    expect(text.stdout).toMatch(/^bucket +articles +mentions +events +mean +coop +conflict +USA→PRK +PRK→USA +spike/m);
    expect(text.stdout).toMatch(/reciprocity: /);
  });

  it('follows an actor, an event type and a keyword', async () => {
    const actor = JSON.parse((await runCli(['trends', '--actor', 'North Korea', '--by', 'week', '--json'], env)).stdout) as TrendJson;
    expect(actor.buckets.map((b) => b.articles)).toEqual([7, 1]);
    const keyword = JSON.parse((await runCli(['trends', '--keyword', 'food aid', '--json'], env)).stdout) as TrendJson;
    expect(keyword.buckets.filter((b) => b.articles > 0).map((b) => b.bucket)).toEqual(['2026-03-06', '2026-03-07']);
    const type = JSON.parse((await runCli(['trends', '--type', 'threaten', '--json'], env)).stdout) as TrendJson;
    expect(type.buckets.filter((b) => b.events > 0).map((b) => b.bucket)).toEqual(['2026-03-04', '2026-03-09']);
    expect((await runCli(['trends', '--actor', 'PRK', '--dyad', 'USA-PRK'], env)).stderr).toMatch(/exactly one/);
    expect((await runCli(['trends', '--type', 'NOPE'], env)).code).toBe(1);
  });

  it('lists personnel changes newest first with evidence, and current holders', async () => {
    const r = await runCli(['personnel', '--changes', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const { changes } = JSON.parse(r.stdout) as { changes: ChangeJson[] };
    const moves = changes.map((c) => [c.person, c.change, c.date]);
    expect(moves).toEqual([
      ['Teodor Vask', 'kept', '2026-03-07'],
      ['Arvo Peltonen', 'resigned', '2026-03-05'],
      ['Odile Marchetti', 'dismissed', '2026-03-04'],
    ]);
    const peltonen = changes.find((c) => c.person === 'Arvo Peltonen')!;
    expect(peltonen).toMatchObject({ title: 'Vice Minister', evidence: { url: ARTICLES[9]!.url, sentence: expect.stringMatching(/resigned on Thursday/) } });
    const since = JSON.parse((await runCli(['personnel', '--changes', '--since', '2026-03-06', '--json'], env)).stdout) as { changes: ChangeJson[] };
    expect(since.changes.map((c) => c.person)).toEqual(['Teodor Vask']);
    const person = JSON.parse((await runCli(['personnel', '--changes', '--person', 'Odile Marchetti', '--json'], env)).stdout) as { changes: ChangeJson[] };
    expect(person.changes.map((c) => c.change)).toEqual(['dismissed']);

    const holders = JSON.parse((await runCli(['personnel', '--until', '2026-03-31', '--json'], env)).stdout) as { institutions: { name: string; holders: { person: string; status: string; source: string }[] }[] };
    const everyone = holders.institutions.flatMap((i) => i.holders.map((h) => h.person));
    expect(everyone).toContain('Teodor Vask'); // kept his job
    expect(everyone).not.toContain('Odile Marchetti'); // dismissed
    expect(everyone).not.toContain('Arvo Peltonen'); // resigned
    expect(everyone).toContain('Marco Rubio'); // a registry role with no end
  });
});
