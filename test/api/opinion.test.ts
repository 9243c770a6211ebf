// GET /columnists and GET /readers in-process over a store seeded with stored positions: the
// same reports as `readout columnists/readers --json`, their filters and error paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ApiApp } from '../../src/api/app.js';
import { generateToken } from '../../src/api/auth.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { SCORER_VERSION } from '../../src/opinion/score.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { sampleArticle } from '../store.contract.js';

const ISSUE = 'engagement-vs-pressure';
let store: Store;
let app: ApiApp;
let token: string;
let articleId: number;

const get = (path: string) => app.request(path, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  store = await openStore(':memory:', silentLogger());
  app = createApp({ store, config: loadConfig({ env: {} }), logger: silentLogger() });
  const t = generateToken();
  await store.createApiToken({ name: 'viewer', role: 'viewer', hash: t.hash });
  token = t.token;
  ({ id: articleId } = await store.insertArticle(sampleArticle({ byline: 'Mara Quill', kind: 'opinion', published: '2026-03-02T08:00:00Z', text: 'Maximum pressure on the peninsula.' })));
  await store.saveArticlePositions(articleId, [{ issue: ISSUE, position: -0.6, hawkish: 2, engagement: 0, tone: 0, cues: 1, evidence: [{ sentence: 'Maximum pressure on the peninsula.', weight: -2, cues: ['Maximum pressure'], quoted: false }], scorerVersion: SCORER_VERSION }]);
  await store.addComments(articleId, [{ author: null, published: null, text: 'Dialogue please.' }, { author: null, published: null, text: 'Talks now.' }]);
  const todo = await store.commentsToScore(articleId, SCORER_VERSION);
  await store.saveCommentPositions(todo.map((c) => ({ commentId: c.id, issue: ISSUE, position: 0.5, tone: 0, cues: 1, scorerVersion: SCORER_VERSION })));
});

afterAll(async () => {
  await store.close();
});

describe('opinion routes', () => {
  it('GET /columnists groups pieces by author', async () => {
    const r = await get('/columnists?since=2026-03');
    expect(r.status).toBe(200);
    const body = (await r.json()) as { issue: { name: string }; since: string; columnists: { author: string; meanPosition: number; lean: string; evidence: { sentence: string }[] }[] };
    expect(body).toMatchObject({ issue: { name: ISSUE }, since: '2026-03-01', columnists: [{ author: 'Mara Quill', meanPosition: -0.6, lean: 'hawkish', evidence: [{ sentence: 'Maximum pressure on the peninsula.' }] }] });
    expect(((await (await get('/columnists?since=2026-04-01')).json()) as { columnists: unknown[] }).columnists).toEqual([]);
    expect((await get('/columnists?issue=nope')).status).toBe(400);
    expect((await app.request('/columnists')).status).toBe(401);
  });

  it('GET /readers reports an article and a topic with divergence', async () => {
    const r = await get(`/readers?article=${articleId}`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as { scope: unknown; articles: { comments: number; distribution: unknown; divergence: { value: number; diverges: boolean } }[] };
    expect(body.scope).toEqual({ kind: 'article', articleId });
    expect(body.articles[0]).toMatchObject({ comments: 2, distribution: { hawkish: 0, neutral: 0, engagement: 2 }, divergence: { value: 1.1, diverges: true, opposed: 2 } });
    const topic = (await (await get('/readers?topic=peninsula')).json()) as { total: { comments: number } };
    expect(topic.total.comments).toBe(2);
    expect((await get('/readers?article=99999')).status).toBe(404);
    expect((await get(`/readers?article=${articleId}&topic=x`)).status).toBe(400);
    expect((await get('/readers?article=abc')).status).toBe(400);
  });
});
