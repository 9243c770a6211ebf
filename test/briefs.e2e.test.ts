// Briefs and precedents end to end: articles by fictional outlets about fictional officials
// (real country names), dated in the last few weeks, go through the real pipeline (`readout
// ingest`: extract → analyze → merge); then `readout brief --since 30d --focus PRK` must show
// the rejection with its response arrow to the offer, the hypothetical aid offer marked, and
// the personnel move; `--save`, `--list`, `--show` round-trip; `readout precedents` finds the
// earlier threat.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { ingestedStore } from './helpers/ingested-store.js';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const STORIES = [
  // 45 days back: more than CRISIS_DAYS (30) before the second threat, so an earlier episode, not the same crisis.
  [45, 'Northern Wire', 'North Korea threatens retaliation', 'North Korea threatened the United States with retaliation over the military drills.'],
  [12, 'Harbor Ledger', 'US offers talks', 'The United States offered to hold talks with North Korea without preconditions, the State Department said.'],
  [10, 'Capital Courier', 'North Korea rejects US offer', "North Korea's foreign ministry rejected the US offer of talks, in response to the proposal.\n\nThe ministry called the offer a trick."],
  [9, 'Tidewater Post', 'Aid only with talks', 'The United States would provide food aid to North Korea if Pyongyang returned to negotiations, a senior official said.'],
  [7, 'Northern Wire', 'North Korea threatens again', 'North Korea threatened the United States with retaliation over the new military drills.'],
  [6, 'Capital Courier', 'Vice minister dismissed', 'North Korean Vice Foreign Minister Pak Chol-jun was dismissed, the state media said.'],
] as const;

const ARTICLES = STORIES.map(([ago, source, title, text], i) => ({
  url: `https://${source.toLowerCase().replace(/ /g, '-')}.example/${daysAgo(ago)}/story-${i}`, source, published: `${daysAgo(ago)}T15:00:00Z`, title, text,
}));

interface Ev { id: string; date: string | null; type: string; source: { country: string | null }; target: { country: string | null } }

describe('briefs and precedents end to end (ingest → analyze → merge → brief / precedents)', () => {
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeAll(async () => {
    ({ dir, env } = await ingestedStore('briefs-e2e', ARTICLES));
  }, 120_000);

  it('writes a Markdown brief for the focus country with the rejection, its response arrow and the personnel move', async () => {
    const r = await runCli(['brief', '--since', '30d', '--focus', 'PRK', '--format', 'md'], env);
    expect(r.code, r.stderr).toBe(0);
    const md = r.stdout;
    expect(md).toMatch(/^# Readout brief: PRK/);
    expect(md).toMatch(/## Key statements and responses\n\n- .*\*\*reject\*\*.*\[Capital Courier\]\(https:\/\/capital-courier\.example\//);
    expect(md).toContain("> North Korea's foreign ministry rejected the US offer of talks, in response to the proposal.");
    expect(md).toMatch(/↳ answers ev\d+ \(.*United States \(USA\) → North Korea \(PRK\) AGREE\), cue “in response to”/);
    expect(md).toMatch(/\*\*hypothetical offer\*\* \(AID/);
    expect(md).toMatch(/## Personnel moves\n\n- \*\*\d{4}-\d{2}-\d{2}\*\* Pak Chol-jun: \*\*dismissed\*\* — Vice Foreign Minister/);
    expect(md).toMatch(/## Trend lines\n\n- \*\*PRK\*\* \(actor/);
    expect(md).toContain('**PRK–USA** (dyad');
    // The second threat repeats the first (same dyad, type and wording).
    expect(md).toMatch(/\*\*threat\*\*.*_repeat of ev\d+/);
  });

  it('writes, saves, lists and shows an HTML brief', async () => {
    const file = join(dir, 'brief.html');
    const r = await runCli(['brief', '--since', '30d', '--focus', 'prk', '--format', 'html', '--output', file, '--save'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/saved brief 1 /);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).toContain('<svg');
    expect(html).toContain('North Korea&#39;s foreign ministry rejected the US offer');
    const list = await runCli(['brief', '--list'], env);
    expect(list.stdout).toMatch(/^ +1 +\S+ +html +\d+ items +Readout brief: PRK/);
    expect((await runCli(['brief', '--show', '1'], env)).stdout.trim()).toBe(html.trim());
    expect((await runCli(['brief', '--show', '1', '--format', 'md'], env)).stdout).toMatch(/^# Readout brief: PRK/);
    expect((await runCli(['brief', '--show', '99'], env)).code).toBe(1);
    expect((await runCli(['brief', '--focus', 'XXX'], env)).stderr).toMatch(/--focus must be/);
  });

  it('finds the earlier threat as a precedent of the later one', async () => {
    const events = JSON.parse((await runCli(['timeline', '--json'], env)).stdout) as Ev[];
    const threats = events.filter((e) => e.type === 'THREATEN' && e.source.country === 'PRK' && e.target.country === 'USA');
    expect(threats.length, JSON.stringify(events, null, 1)).toBe(2);
    const r = await runCli(['precedents', threats[1]!.id, '--days', '20', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { days: number; precedents: { event: { id: string }; direction: string; followed: { id: string; type: string }[] }[] };
    expect(result.days).toBe(20);
    expect(result.precedents.map((p) => [p.event.id, p.direction])).toEqual([[threats[0]!.id, 'same']]);
    const text = await runCli(['precedents', threats[1]!.id], env);
    expect(text.stdout).toMatch(/precedents \(what followed within 14 days\)/);
    expect((await runCli(['precedents', 'ev99999'], env)).stderr).toMatch(/no event ev99999/);
  });
});
