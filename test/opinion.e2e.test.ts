// Columnists and readers end to end: fictional opinion pieces with bylines and reader comments
// (WordPress-style comment lists in the page) go through the real pipeline (`readout ingest` of
// JSON Lines with HTML: extract → store → analyze → positions), then `readout columnists --json`
// and `readout readers --article ID --json` must report what the pieces and readers say.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { ingestedStore } from './helpers/ingested-store.js';

type Comment = [author: string, text: string];

function page(o: { title: string; author: string | null; date: string; kind: 'opinion' | 'news'; paras: string[]; comments: Comment[] }): string {
  const type = o.kind === 'opinion' ? 'OpinionNewsArticle' : 'NewsArticle';
  const author = o.author ? `<meta name="author" content="${o.author}">` : '';
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': type, headline: o.title, datePublished: o.date, ...(o.author ? { author: { '@type': 'Person', name: o.author } } : {}) });
  const items = o.comments.map(([a, t], i) => `<li id="comment-${i + 1}" class="comment"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${a}</b> <span class="says">says:</span></div></footer><div class="comment-content"><p>${t}</p></div></article></li>`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${o.title}</title>${author}<meta property="article:published_time" content="${o.date}">
<meta property="article:section" content="${o.kind === 'opinion' ? 'Opinion' : 'World'}"><script type="application/ld+json">${ld}</script></head>
<body><article><h1>${o.title}</h1>${o.author ? `<p class="byline">By ${o.author}</p>` : ''}<div class="entry-content">${o.paras.map((p) => `<p>${p}</p>`).join('')}</div></article>
<div id="comments" class="comments-area"><ol class="comment-list">${items.join('')}</ol></div></body></html>`;
}

const HAWK_READERS: Comment[] = [
  ['tidewatcher', 'Nonsense. Dialogue is the only way out of this mess.'],
  ['harbor_pilot', 'Talks without preconditions would do more than another round of threats.'],
  ['lena_k', 'Humanitarian aid first, please. People are hungry.'],
  ['old_salt', 'Agreed, they cannot be trusted.'],
];

const PIECES = [
  {
    url: 'https://harbor-ledger.example/opinion/2026/03/02/pressure-is-the-only-language', source: 'Harbor Ledger',
    title: 'Opinion: Pressure is the only language', author: 'Mara Quill', date: '2026-03-02T08:00:00Z', kind: 'opinion' as const,
    paras: [
      'The talks have failed again, and the lesson is plain for anyone willing to see it clearly.',
      'Maximum pressure is the only language the regime understands. New sanctions must follow, and the military option has to stay on the table.',
      'The regime cannot be trusted with promises it has broken before.',
    ],
    comments: HAWK_READERS,
  },
  {
    url: 'https://northern-wire.example/opinion/2026/03/05/give-diplomacy-a-chance', source: 'Northern Wire',
    title: 'Opinion: Give diplomacy a chance', author: 'Ivo Brandt', date: '2026-03-05T08:00:00Z', kind: 'opinion' as const,
    paras: [
      'Every few years the same voices call for a tougher line, and every few years it leads nowhere.',
      'A strike is not a military option anyone serious should consider. Washington should offer talks without preconditions and humanitarian aid.',
      'Dialogue is slow, but engagement is the only path that has ever produced results.',
    ],
    comments: [['reader_ana', 'A thoughtful and balanced piece. Diplomacy deserves a chance.'], ['quietcove', 'Sensible. Engagement beats threats.']] as Comment[],
  },
  {
    url: 'https://harbor-ledger.example/opinion/2026/03/16/deterrence-with-an-open-door', source: 'Harbor Ledger',
    title: 'Opinion: Deterrence, with a door left open', author: 'Mara Quill', date: '2026-03-16T08:00:00Z', kind: 'opinion' as const,
    paras: [
      'Deterrence has to remain the backbone of the policy, and sanctions must stay in place for now.',
      'Still, a narrow channel for dialogue costs little and may tell us more than satellites do.',
    ],
    comments: [] as Comment[],
  },
  {
    url: 'https://northern-wire.example/world/2026/03/10/fisheries-agreement-signed', source: 'Northern Wire',
    title: 'Fisheries agreement signed', author: null, date: '2026-03-10T08:00:00Z', kind: 'news' as const,
    paras: ['The two coastal states signed a fisheries agreement on Tuesday after a week of meetings in the port city, officials said.'],
    comments: [['netmender', 'Good news for the coast.']] as Comment[],
  },
];

interface ColumnistJson { author: string; articles: number; scored: number; meanPosition: number; lean: string; trend: { slopePer30Days: number | null; direction: string | null }; outlets: string[]; evidence: { sentence: string; weight: number; cues: string[]; url: string }[] }
interface StatsJson { comments: number; scored: number; meanTone: number | null; meanPosition: number | null; distribution: { hawkish: number; neutral: number; engagement: number }; divergence: { value: number | null; diverges: boolean; opposed: number | null } }
interface ReadersJson { issue: { name: string }; scope: Record<string, unknown>; articles: (StatsJson & { articleId: number; url: string; author: string | null; authorPosition: number | null; authorLean: string | null })[]; total: StatsJson }

const records = (pieces: typeof PIECES) => pieces.map((p) => ({ url: p.url, source: p.source, html: page(p) }));

describe('columnists and readers end to end (ingest → analyze → positions → columnists / readers)', () => {
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeAll(async () => {
    ({ dir, env } = await ingestedStore('opinion-e2e', records(PIECES)));
  }, 120_000);

  it('groups opinion pieces by author with position, trend and evidence', async () => {
    const r = await runCli(['columnists', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { issue: { name: string }; columnists: ColumnistJson[] };
    expect(report.issue.name).toBe('engagement-vs-pressure');
    expect(report.columnists.map((c) => [c.author, c.articles])).toEqual([['Mara Quill', 2], ['Ivo Brandt', 1]]);
    const [mara, ivo] = report.columnists;
    expect(mara!.lean).toBe('hawkish');
    expect(mara!.meanPosition).toBeLessThan(-0.4);
    expect(mara!.outlets).toEqual(['Harbor Ledger']);
    expect(mara!.trend.direction).toBe('toward engagement'); // the second piece leaves a door open
    expect(mara!.evidence[0]).toMatchObject({ sentence: 'New sanctions must follow, and the military option has to stay on the table.', url: PIECES[0]!.url });
    expect(mara!.evidence.map((e) => e.sentence)).toContain('Maximum pressure is the only language the regime understands.');
    expect(mara!.evidence.every((e) => e.weight < 0)).toBe(true);
    expect(ivo!.lean).toBe('engagement');
    expect(ivo!.meanPosition).toBeGreaterThan(0.2);
    expect(ivo!.evidence.flatMap((e) => e.cues)).toContain('military option (negated)');
    expect(ivo!.trend.direction).toBeNull();

    const since = JSON.parse((await runCli(['columnists', '--since', '2026-03-10', '--json'], env)).stdout) as { columnists: ColumnistJson[] };
    expect(since.columnists.map((c) => [c.author, c.articles])).toEqual([['Mara Quill', 1]]);
    const text = await runCli(['columnists'], env);
    expect(text.stdout).toMatch(/^Mara Quill: 2 pieces .* hawkish, trend toward engagement/m);
    expect((await runCli(['columnists', '--issue', 'nope'], env)).stderr).toMatch(/unknown issue "nope"/);
  });

  it('shows readers per article and where they diverge from the author', async () => {
    const all = JSON.parse((await runCli(['readers', '--json'], env)).stdout) as ReadersJson;
    expect(all.articles.map((a) => a.url).sort()).toEqual([PIECES[0]!.url, PIECES[1]!.url, PIECES[3]!.url].sort());
    const id = all.articles.find((a) => a.url === PIECES[0]!.url)!.articleId;

    const r = await runCli(['readers', '--article', String(id), '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const one = JSON.parse(r.stdout) as ReadersJson;
    expect(one.scope).toEqual({ kind: 'article', articleId: id });
    expect(one.articles).toHaveLength(1);
    const a = one.articles[0]!;
    expect(a).toMatchObject({ author: 'Mara Quill', authorLean: 'hawkish', comments: 4, scored: 4, distribution: { hawkish: 1, neutral: 0, engagement: 3 } });
    expect(a.divergence.diverges).toBe(true);
    expect(a.divergence.value!).toBeGreaterThan(0.5); // readers lean to engagement, the author hawkish
    expect(a.divergence.opposed).toBe(3);
    expect(a.meanTone!).toBeLessThan(0.5);

    const ivo = all.articles.find((x) => x.url === PIECES[1]!.url)!;
    expect(ivo).toMatchObject({ authorLean: 'engagement', distribution: { engagement: 2 }, divergence: { diverges: false } });
    expect(ivo.meanTone!).toBeGreaterThan(0.3);
    const news = all.articles.find((x) => x.url === PIECES[3]!.url)!;
    expect(news).toMatchObject({ authorPosition: null, comments: 1, divergence: { value: null } });

    const topic = JSON.parse((await runCli(['readers', '--topic', 'regime', '--json'], env)).stdout) as ReadersJson;
    expect(topic.scope).toEqual({ kind: 'topic', topic: 'regime' });
    expect(topic.articles.map((x) => x.url)).toEqual([PIECES[0]!.url]);
    expect(topic.total.comments).toBe(4);
    expect((await runCli(['readers', '--article', '99999'], env)).stderr).toMatch(/no article 99999/);
    expect((await runCli(['readers', '--article', String(id)], env)).stdout).toMatch(/hawkish 1 \/ neutral 0 \/ engagement 3; divergence \+\d\.\d\d \(readers diverge\)/);
  });

  it('scores comments that arrive after the article was analysed', async () => {
    const again = [{ ...PIECES[0]!, comments: [...HAWK_READERS, ['late_reader', 'Ease sanctions and engage. Diplomacy works.'] as Comment] }];
    writeFileSync(join(dir, 'again.jsonl'), records(again).map((r) => JSON.stringify(r)).join('\n'));
    const ingest = await runCli(['ingest', join(dir, 'again.jsonl'), '--json'], env);
    expect(ingest.code, ingest.stderr).toBe(0);
    const all = JSON.parse((await runCli(['readers', '--json'], env)).stdout) as ReadersJson;
    const a = all.articles.find((x) => x.url === PIECES[0]!.url)!;
    expect(a).toMatchObject({ comments: 5, scored: 5, distribution: { hawkish: 1, engagement: 4 } });
  });
});
