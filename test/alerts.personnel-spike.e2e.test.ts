// Personnel and spike watch rules end to end: articles by fictional outlets about fictional
// officials (real country names) go through the real pipeline (`readout ingest`: extract →
// analyze → merge → evaluate rules → deliver jobs), with two rules delivering to JSON Lines
// files (log sinks): one on dismissals, one on a spike in articles naming Portugal. Each dismissal must
// arrive exactly once (a second outlet's report, a re-ingest and `readout reanalyze --all`
// add none), and five quiet days then a busy day must give exactly one spike alert.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Story } from './helpers/desk-stories.js';
import { storyArticles } from './helpers/desk-stories.js';
import { runCli } from './helpers/run-cli.js';
import { emptyStore, ingestRecords } from './helpers/ingested-store.js';

const MOVES: readonly Story[] = [
  ['2026-03-05', 'Capital Courier', 'Trade Minister Odile Marchetti was dismissed on Wednesday, the government said.'],
  ['2026-03-05', 'Tidewater Post', 'Trade Minister Odile Marchetti was dismissed on Wednesday, officials confirmed.'],
  ['2026-03-06', 'Capital Courier', 'Vice Minister Arvo Peltonen of the Ministry of Foreign Affairs resigned on Thursday, the ministry said.'],
  ['2026-03-07', 'Tidewater Post', 'Deputy Minister Teodor Vask will keep his job despite the scandal, officials said on Saturday.'],
  ['2026-03-08', 'Harbor Ledger', 'Energy Minister Lasse Brunvoll was dismissed on Sunday, the cabinet office said.'],
];

const QUIET: readonly Story[] = [
  ['2026-04-01', 'Harbor Ledger', 'Portugal on Wednesday opened a new port terminal in the south.'],
  ['2026-04-02', 'Northern Wire', 'Portugal on Thursday reported a small rise in tourist arrivals.'],
  ['2026-04-03', 'Daily Meridian', 'Portugal on Friday signed a fisheries accord with its neighbours.'],
  ['2026-04-04', 'Harbor Ledger', 'Portugal on Saturday held a memorial for a late poet.'],
  ['2026-04-05', 'Northern Wire', 'Portugal on Sunday hosted a regional football final.'],
];
const BUSY: readonly Story[] = [
  ['2026-04-06', 'Harbor Ledger', 'Portugal on Monday declared a state of emergency after severe floods.'],
  ['2026-04-06', 'Northern Wire', 'Floods in Portugal forced thousands from their homes on Monday.'],
  ['2026-04-06', 'Daily Meridian', 'Portugal asked its European partners for flood relief on Monday.'],
  ['2026-04-06', 'Capital Courier', 'Rescue teams in Portugal searched flooded villages through Monday night.'],
  ['2026-04-06', 'Tidewater Post', 'Rail services across Portugal were suspended on Monday because of the floods.'],
  ['2026-04-06', 'Coastal Review', 'Portugal closed schools in three districts on Monday as rivers rose.'],
];

const ARTICLES = storyArticles([...MOVES, ...QUIET, ...BUSY]);

interface Line { type: string; alertId: number; title: string; kind: string; reasons: string[]; personnel?: { person: string; change: string; date: string; evidence: { url: string; sentence: string } }; spike?: { bucket: string; count: number; series: string; by: string } }

const lines = (file: string): Line[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line) : []);

describe('personnel and spike rules end to end (ingest → analyze → rules → log files)', () => {
  let env: NodeJS.ProcessEnv;
  let dir: string;
  let movesFile: string;
  let spikeFile: string;

  beforeAll(async () => {
    // The files are log sinks the operator names in the config (in <dataDir>/alerts/).
    const store = emptyStore('alerts-moves', 'alerts:\n  logSinks: { moves: dismissals.jsonl, spikes: spikes.jsonl }\n');
    ({ dir, env } = store);
    movesFile = join(dir, 'alerts', 'dismissals.jsonl');
    spikeFile = join(dir, 'alerts', 'spikes.jsonl');
    writeFileSync(join(dir, 'rules.yaml'), [
      'rules:',
      '  - name: dismissals',
      '    match: { personnel: { changes: [dismissed] } }',
      '    deliver: [{ kind: log, sink: moves }]',
      '  - name: portugal spike',
      '    match: { spike: { actor: Portugal, by: day } }',
      '    deliver: [{ kind: log, sink: spikes }]',
      '',
    ].join('\n'));
    const sync = await runCli(['rules', 'sync', '--file', join(dir, 'rules.yaml')], env);
    expect(sync.code, sync.stderr).toBe(0);
    await ingestRecords(store, ARTICLES);
  }, 120_000);

  it('appends one line per dismissal, with the evidence sentence and article URL', () => {
    const got = lines(movesFile);
    expect(got.map((l) => [l.personnel?.person, l.personnel?.change])).toEqual(expect.arrayContaining([['Odile Marchetti', 'dismissed'], ['Lasse Brunvoll', 'dismissed']]));
    expect(got).toHaveLength(2);
    const marchetti = got.find((l) => l.personnel?.person === 'Odile Marchetti')!;
    expect(marchetti).toMatchObject({ type: 'readout.alert', kind: 'personnel', reasons: ['change dismissed'] });
    expect(ARTICLES.slice(0, 2).map((a) => a.url)).toContain(marchetti.personnel!.evidence.url);
    expect(marchetti.personnel!.evidence.sentence).toMatch(/Odile Marchetti was dismissed/);
    expect(marchetti.title).toMatch(/^DISMISSED: Odile Marchetti \(Trade Minister/);
  });

  it('appends one spike line for the busy day', () => {
    const got = lines(spikeFile);
    expect(got, JSON.stringify(got)).toHaveLength(1);
    expect(got[0]).toMatchObject({ kind: 'spike', spike: { bucket: '2026-04-06', series: 'articles', by: 'day' } });
    expect(got[0]!.spike!.count).toBeGreaterThanOrEqual(3);
    expect(got[0]!.title).toMatch(/^SPIKE: \d+ articles on Portugal in the day of 2026-04-06/);
  });

  it('adds nothing on re-ingest and reanalysis, and shows both kinds in the alerts', async () => {
    const again = await runCli(['ingest', join(dir, 'articles.jsonl'), '--json'], env);
    expect(again.code, again.stderr).toBe(0);
    const re = await runCli(['reanalyze', '--all', '--json'], env);
    expect(re.code, re.stderr).toBe(0);
    expect(JSON.parse(re.stdout)).toMatchObject({ analysed: ARTICLES.length, errors: 0 });
    // Let any (wrong) delivery queued by the reanalysis run.
    const drain = await runCli(['ingest', join(dir, 'articles.jsonl'), '--json'], env);
    expect(drain.code, drain.stderr).toBe(0);
    expect(lines(movesFile)).toHaveLength(2);
    expect(lines(spikeFile)).toHaveLength(1);
    const list = await runCli(['rules', 'list'], env);
    expect(list.stdout).toMatch(/dismissals \[file\]: personnel dismissed/);
    expect(list.stdout).toMatch(/portugal spike \[file\]: spike in articles per day on Portugal/);
  }, 120_000);
});
