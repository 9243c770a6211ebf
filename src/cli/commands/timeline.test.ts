// `readout timeline` over a store seeded with hand-made analyses (the extractor is not under test).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/run-cli.js';
import { tempDir } from '../../../test/helpers/services.js';
import { fakeAnalysis } from '../../../test/store.contract-analyses.js';
import { sampleArticle } from '../../../test/store.contract.js';
import { ev } from '../../../test/store.contract-events.js';
import { silentLogger } from '../../core/logger.js';
import { openStore } from '../../store/open.js';
import { parseDyad, resolveActor } from '../../registry/resolve.js';

const USA = { name: 'the United States', entityId: 'country:USA', country: 'USA' };
const PRK = { name: 'North Korea', entityId: 'country:PRK', country: 'PRK' };

describe('readout timeline', () => {
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    const dir = tempDir('timeline');
    env = { READOUT_DB: join(dir, 'readout.db'), READOUT_DATA_DIR: dir };
    const store = await openStore(env.READOUT_DB!, silentLogger());
    const seed = async (outlet: string, published: string, events: Parameters<typeof ev>[0][]) => {
      const { id } = await store.insertArticle(sampleArticle({ sourceName: outlet, published }));
      await store.saveAnalysis(id, fakeAnalysis('x', [], { events: events.map((e, i) => ev({ id: `e${i + 1}`, ...e })) }));
      await store.mergeEvents();
    };
    const offer = { type: 'COOPERATE' as const, source: USA, target: PRK, intensity: 4, quote: 'talks without preconditions', sentence: { start: 0, end: 1, text: 'The United States on Monday offered talks with North Korea.' } };
    await seed('Harbor Ledger', '2026-03-02T09:00:00Z', [offer]);
    await seed('Northern Wire', '2026-03-03T09:00:00Z', [offer]);
    await seed('Daily Meridian', '2026-03-04T09:00:00Z', [{ date: '2026-03-04', responseCue: 'in response to', sentence: { start: 0, end: 1, text: 'North Korea on Wednesday rejected the talks offer, in response to the US.' } }]);
    await store.close();
  });

  it('prints the JSON contract, one event per real-world event, with response ids', async () => {
    const r = await runCli(['timeline', '--json'], env);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; type: string; reports: { source: string }[]; respondsTo: string[]; source: { country: string } }[];
    expect(list.map((e) => [e.type, e.reports.map((x) => x.source)])).toEqual([['COOPERATE', ['Harbor Ledger', 'Northern Wire']], ['REJECT', ['Daily Meridian']]]);
    expect(list[1]!.respondsTo).toEqual([list[0]!.id]);
  });

  it('filters by actor, dyad, types and dates; prints text and Markdown', async () => {
    const types = async (...args: string[]) => (JSON.parse((await runCli(['timeline', '--json', ...args], env)).stdout) as { type: string }[]).map((e) => e.type);
    expect(await types('--actor', 'PRK')).toEqual(['COOPERATE', 'REJECT']);
    expect(await types('--actor', 'North Korea')).toEqual(['COOPERATE', 'REJECT']);
    expect(await types('--actor', 'country:FRA')).toEqual([]);
    expect(await types('--dyad', 'PRK-USA')).toEqual(['COOPERATE', 'REJECT']);
    expect(await types('--dyad', 'PRK-USA', '--directed')).toEqual(['REJECT']);
    expect(await types('--since', '2026-03-03')).toEqual(['REJECT']);
    expect(await types('--until', '2026-03-03')).toEqual(['COOPERATE']);
    expect(await types('--type', 'reject')).toEqual(['REJECT']);
    expect(await types('--type', 'REJECT,COOPERATE', '--dyad', 'USA-PRK', '--directed')).toEqual(['COOPERATE']);
    expect((await runCli(['timeline', '--type', 'REJECTED'], env)).stderr).toMatch(/--type: unknown value "REJECTED"/);
    const text = await runCli(['timeline'], env);
    expect(text.stdout).toMatch(/2026-03-02 +ev\d+ +the United States \(USA\) → North Korea \(PRK\) +COOPERATE \+4 +\(2 reports: Harbor Ledger, Northern Wire\)/);
    expect(text.stdout).toMatch(/↳ responds to ev\d+ \(cue “in response to”/);
    expect((await runCli(['timeline', '--md'], env)).stdout).toMatch(/^\| Date \| Id \|/);
    expect((await runCli(['timeline', '--dyad', 'PRK'], env)).stderr).toMatch(/--dyad must be/);
    expect((await runCli(['timeline', '--json', '--md'], env)).code).toBe(1);
  });

  it('resolves actor arguments', () => {
    const registry = { get: (id: string) => (id === 'country:PRK' ? { id, type: 'country' as const, name: 'North Korea', aliases: [], country: 'PRK' } : undefined), lookup: () => [{ actorId: 'country:PRK', via: 'alias' as const }], country: (c: string) => (c === 'PRK' ? { id: 'country:PRK', type: 'country' as const, name: 'North Korea', aliases: [], country: 'PRK' } : undefined) };
    expect(resolveActor('prk', registry)).toEqual({ ids: ['country:PRK'], countries: ['PRK'], names: ['prk', 'north korea'] });
    expect(resolveActor('DPRK', registry).countries).toEqual(['PRK']);
    expect(parseDyad('PRK-USA')).toEqual(['PRK', 'USA']);
    expect(parseDyad('org:prk-mfa,USA')).toEqual(['org:prk-mfa', 'USA']);
  });
});
