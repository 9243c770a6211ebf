// `readout export` end to end: fictional articles are ingested through the real pipeline
// (extract → analyze → merge) into a fresh SQLite store, then exported in each format.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/run-cli.js';
import { tempDir } from '../../../test/helpers/services.js';
import { ACTOR_COLUMNS } from '../../outputs/actors.js';
import { parseCsv } from '../../outputs/csv.js';
import { ARTICLE_COLUMNS, EVENT_COLUMNS, QUOTE_COLUMNS } from '../../outputs/rows.js';
import { ingestedStore } from '../../../test/helpers/ingested-store.js';

// 2026-03-02 is a Monday: an offer on Monday (told by two outlets), rejected on Wednesday.
const ARTICLES = [
  { url: 'https://harbor-ledger.example/2026/03/02/offer', source: 'Harbor Ledger', published: '2026-03-02T15:00:00Z', title: 'France offers talks to North Korea',
    text: 'France on Monday offered to hold talks with North Korea without preconditions, the foreign ministry said.\n\n"We are ready to meet, anywhere and at any level," Foreign Minister Odile Marchetti said on Monday.\n\nThe offer follows months of missile tests.' },
  { url: 'https://northern-wire.example/news/offer', source: 'Northern Wire', published: '2026-03-03T08:00:00Z', title: '=Paris proposes dialogue, with Pyongyang',
    text: 'France on Monday offered talks with North Korea with no preconditions, officials said.\n\n"Dialogue is the only way forward," Odile Marchetti told reporters in Paris.' },
  { url: 'https://capital-courier.example/asia/rejection', source: 'Capital Courier', published: '2026-03-04T18:00:00Z', title: 'North Korea rejects French offer',
    text: 'North Korea\'s foreign ministry on Wednesday rejected the French offer of talks, in response to the proposal made on Monday.\n\n"The offer is a trick," the ministry said in a statement.' },
];

type Column = (typeof EVENT_COLUMNS)[number] | (typeof ARTICLE_COLUMNS)[number] | (typeof QUOTE_COLUMNS)[number] | (typeof ACTOR_COLUMNS)[number] | 'text';
type Row = Readonly<Record<Column, string>>;

function csvRows(text: string): { header: string[]; rows: Row[] } {
  const [header = [], ...records] = parseCsv(text);
  return { header, rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])) as Row) };
}

function jsonl(text: string): Record<string, unknown>[] {
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('readout export', () => {
  let env: NodeJS.ProcessEnv;
  let dir: string;
  const run = (...args: string[]) => runCli(['export', ...args], env);
  const csv = async (...args: string[]) => {
    const r = await run(...args);
    expect(r.code, r.stderr).toBe(0);
    return csvRows(r.stdout);
  };

  beforeAll(async () => {
    ({ dir, env } = await ingestedStore('export', ARTICLES));
  }, 120_000);

  it('exports one row per merged event with PLOVER/ICEWS-style columns and response links', async () => {
    const { header, rows } = await csv('events', '--format', 'csv');
    expect(header).toEqual([...EVENT_COLUMNS]);
    const offer = rows.find((r) => r.source_country === 'FRA' && r.target_country === 'PRK' && r.first_url.includes('harbor-ledger'));
    expect(offer, JSON.stringify(rows, null, 1)).toBeDefined();
    expect(offer).toMatchObject({ date: '2026-03-02', report_count: '2', outlets: 'Harbor Ledger; Northern Wire', negated: 'false', modality: 'asserted' });
    expect(offer!.evidence_sentence).toMatch(/France on Monday offered/);
    expect(offer!.cameo_root).toMatch(/^\d\d$/);
    const reject = rows.find((r) => r.type === 'REJECT');
    expect(reject).toMatchObject({ date: '2026-03-04', source_country: 'PRK', target_country: 'FRA', cameo_root: '12', report_count: '1' });
    expect(reject!.responds_to.split('; ')).toContain(offer!.id);
    expect(Number(reject!.intensity)).toBeLessThan(0);
    // Rows in date order.
    expect(rows.map((r) => r.sort_date)).toEqual([...rows.map((r) => r.sort_date)].sort());
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.sort_date) && (r.date === '' || r.sort_date.startsWith(r.date)))).toBe(true);
  });

  it('writes JSONL for --format jsonl and --json alike, with arrays and booleans kept', async () => {
    const a = await run('events', '--format', 'jsonl');
    const b = await run('events', '--json');
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const rows = jsonl(a.stdout);
    expect(Object.keys(rows[0]!)).toEqual([...EVENT_COLUMNS]);
    const reject = rows.find((r) => r.type === 'REJECT')!;
    expect(reject).toMatchObject({ negated: false, source_country: 'PRK', responds_to: [expect.stringMatching(/^ev\d+$/)] });
    expect(typeof reject.intensity).toBe('number');
  });

  it('filters events by date, actor, dyad, type and outlet', async () => {
    const types = async (...args: string[]) => (await csv('events', ...args)).rows.map((r) => r.type);
    expect(await types('--type', 'reject')).toEqual(['REJECT']);
    expect(await types('--since', '2026-03-03')).not.toContain('AGREE');
    expect(await types('--until', '2026-03-01')).toEqual([]);
    expect(await types('--dyad', 'PRK-FRA', '--directed')).toEqual(['REJECT']);
    expect((await types('--dyad', 'FRA-PRK')).length).toBeGreaterThanOrEqual(2);
    expect(await types('--actor', 'North Korea', '--type', 'REJECT,ACCUSE')).toEqual(['REJECT']);
    expect((await csv('events', '--source', 'capital courier')).rows.every((r) => r.outlets.includes('Capital Courier'))).toBe(true);
    expect((await csv('events', '--actor', 'Atlantis Ministry of Clouds')).rows).toEqual([]);
  });

  it('exports articles without text unless asked, with counts, guarded titles and filters', async () => {
    const { header, rows } = await csv('articles');
    expect(header).toEqual([...ARTICLE_COLUMNS]);
    expect(rows.map((r) => r.source)).toEqual(['Harbor Ledger', 'Northern Wire', 'Capital Courier']);
    expect(rows[0]).toMatchObject({ url: ARTICLES[0]!.url, kind: 'news', language: 'en', group_id: rows[0]!.id, quote_count: '1' });
    expect(Number(rows[0]!.entity_count)).toBeGreaterThan(0);
    expect(Number(rows[2]!.event_count)).toBeGreaterThan(0);
    expect(rows[1]!.title).toBe("'=Paris proposes dialogue, with Pyongyang"); // formula guard
    const withText = await csv('articles', '--with-text', '--source', 'Capital Courier');
    expect(withText.header.at(-1)).toBe('text');
    expect(withText.rows.map((r) => r.text)).toEqual([expect.stringContaining('"The offer is a trick,"')]);
    expect((await csv('articles', '--since', '2026-03-03', '--until', '2026-03-03')).rows.map((r) => r.source)).toEqual(['Northern Wire']);
    expect((await csv('articles', '--kind', 'opinion')).rows).toEqual([]);
    expect((await csv('articles', '--actor', 'Odile Marchetti')).rows.map((r) => r.source)).toEqual(['Harbor Ledger', 'Northern Wire']);
  });

  it('exports quotes with speaker and cue, per article, filtered by speaker and kind', async () => {
    const { header, rows } = await csv('quotes');
    expect(header).toEqual([...QUOTE_COLUMNS]);
    const marchetti = rows.filter((r) => r.speaker_name === 'Odile Marchetti');
    expect(marchetti.map((r) => r.text)).toEqual([expect.stringContaining('We are ready to meet'), expect.stringContaining('Dialogue is the only way forward')]);
    expect(marchetti[0]).toMatchObject({ article_url: ARTICLES[0]!.url, published: ARTICLES[0]!.published, kind: 'direct', speaker_anonymous: 'false' });
    expect(marchetti[0]!.cue).toMatch(/said/);
    expect((await csv('quotes', '--actor', 'Odile Marchetti')).rows.map((r) => r.speaker_name)).toEqual(['Odile Marchetti', 'Odile Marchetti']);
    expect((await csv('quotes', '--actor', 'PRK')).rows.map((r) => r.text)).toEqual([expect.stringContaining('The offer is a trick')]);
    expect((await csv('quotes', '--kind', 'direct')).rows.every((r) => r.kind === 'direct')).toBe(true);
  });

  it('exports registry actors and candidates, with counts on request', async () => {
    const plain = await csv('actors');
    expect(plain.header).not.toContain('article_count');
    const prk = plain.rows.find((r) => r.id === 'country:PRK')!;
    expect(prk).toMatchObject({ type: 'country', country: 'PRK', status: 'registry' });
    const counted = jsonl((await run('actors', '--json', '--with-counts', '--actor', 'PRK')).stdout);
    expect(counted.find((r) => r.id === 'country:PRK')).toMatchObject({ article_count: 3, aliases: expect.any(Array) });
    expect(counted.every((r) => r.country === 'PRK' || r.id === 'country:PRK')).toBe(true);
    const people = jsonl((await run('actors', '--json', '--type', 'person', '--with-counts')).stdout);
    expect(people.every((r) => r.type === 'person')).toBe(true);
    expect(people.find((r) => r.name === 'Odile Marchetti')).toMatchObject({ id: 'name:odile marchetti', status: 'candidate', article_count: 2 });
  });

  it('writes to --output FILE (nothing on stdout, no partial file left)', async () => {
    const file = join(dir, 'events.csv');
    const r = await run('events', '--output', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/exported \d+ events to .*events\.csv/);
    expect(csvRows(readFileSync(file, 'utf8')).header).toEqual([...EVENT_COLUMNS]);
    expect(existsSync(`${file}.partial`)).toBe(false);
    const bad = await run('events', '--output', join(dir, 'no', 'such', 'dir', 'x.csv'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/cannot write/);
  });

  it('refuses bad values and flags that do not apply, naming the flag', async () => {
    const cases: [string[], RegExp][] = [
      [['people'], /unknown export "people"/],
      [['events', '--format', 'xml'], /--format must be csv or jsonl/],
      [['events', '--json', '--format', 'csv'], /--json/],
      [['events', '--since', 'last tuesday'], /--since must be a date/],
      [['events', '--until', '2026-02-30'], /--until must be a date/],
      [['events', '--since', '2026-03-05', '--until', '2026-03-01'], /--since .* is after --until/],
      [['events', '--type', 'BOGUS'], /--type: unknown value "BOGUS"/],
      [['events', '--dyad', 'FRANCE'], /--dyad must be/],
      [['events', '--directed'], /--directed needs --dyad/],
      [['events', '--kind', 'news'], /--kind does not apply to `readout export events`/],
      [['articles', '--dyad', 'FRA-PRK'], /--dyad does not apply/],
      [['articles', '--kind', 'blog'], /--kind: unknown value "blog"/],
      [['quotes', '--kind', 'shouted'], /--kind: unknown value "shouted"/],
      [['quotes', '--with-text'], /--with-text does not apply/],
      [['actors', '--since', '2026-01-01'], /--since does not apply/],
      [['actors', '--type', 'robot'], /--type: unknown value "robot"/],
      [['events', '--limit', '0'], /--limit must be/],
      [['events', '--actor', ' '], /--actor is empty/],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });

  it('checks the flags before opening the store', async () => {
    const other = join(tempDir('export-bad'), 'never.db');
    const r = await runCli(['export', 'events', '--type', 'NOPE'], { ...env, READOUT_DB: other });
    expect(r.code).toBe(1);
    expect(existsSync(other)).toBe(false);
  });

  it('stops after --limit rows', async () => {
    expect((await csv('articles', '--limit', '2')).rows).toHaveLength(2);
  });
});
