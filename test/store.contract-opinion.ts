// Store contract, opinion positions: an opinion piece's stored positions per issue, comment
// scores written once per scorer version, and the aggregates `readout columnists` / `readout
// readers` read (per-article GROUP BY with the author's position; a topic through full-text
// search). Same answers on both backends.
import { describe, expect, it } from 'vitest';
import { recordPositions } from '../src/opinion/record.js';
import { SCORER_VERSION } from '../src/opinion/score.js';
import type { NewArticlePosition } from '../src/store/opinion.js';
import type { Store } from '../src/store/types.js';
import { fakeAnalysis } from './store.contract-analyses.js';
import type { ContractContext } from './store.contract.js';
import { sampleArticle } from './store.contract.js';

const ISSUE = 'engagement-vs-pressure';

function position(p: number | null, over: Partial<NewArticlePosition> = {}): NewArticlePosition {
  return {
    issue: ISSUE, position: p, hawkish: p !== null && p < 0 ? 2 : 0, engagement: p !== null && p > 0 ? 2 : 0, tone: 0, cues: p === null ? 0 : 2,
    evidence: p === null ? [] : [{ sentence: `A sentence at ${p}.`, weight: p, cues: ['cue'], quoted: false }], scorerVersion: SCORER_VERSION, ...over,
  };
}

async function piece(store: Store, byline: string | null, published: string, kind: 'opinion' | 'analysis' | 'news', text: string): Promise<number> {
  const { id } = await store.insertArticle(sampleArticle({ byline, published, kind, text }));
  return id;
}

async function commentIds(store: Store, articleId: number): Promise<number[]> {
  return (await store.commentsToScore(articleId, 'never-used')).map((c) => c.id);
}

export function opinionContract(ctx: ContractContext): void {
  describe('opinion positions', () => {
    it('stores, replaces and lists the positions of bylined opinion pieces', async () => {
      const { store } = ctx;
      const a = await piece(store, 'Mara Quill', '2026-03-01T08:00:00Z', 'opinion', 'Maximum pressure now.');
      const b = await piece(store, 'Ivo Brandt', '2026-03-05T08:00:00Z', 'analysis', 'Dialogue first.');
      const c = await piece(store, null, '2026-03-06T08:00:00Z', 'opinion', 'Unsigned editorial on talks.');
      const n = await piece(store, 'Desk Reporter', '2026-03-07T08:00:00Z', 'news', 'News of the day.');
      await store.saveArticlePositions(a, [position(0.3), position(0.1, { issue: 'other-issue' })]);
      await store.saveArticlePositions(a, [position(-0.75), position(0.1, { issue: 'other-issue' })]); // replaces
      await store.saveArticlePositions(b, [position(0.5)]);
      await store.saveArticlePositions(c, [position(0.2)]);
      await store.saveArticlePositions(n, [position(0.9)]);
      const rows = await store.columnistRows({ issue: ISSUE });
      expect(rows.map((r) => [r.articleId, r.byline, r.kind, r.position])).toEqual([[a, 'Mara Quill', 'opinion', -0.75], [b, 'Ivo Brandt', 'analysis', 0.5]]);
      expect(rows[0]).toMatchObject({ issue: ISSUE, hawkish: 2, engagement: 0, cues: 2, evidence: [{ sentence: 'A sentence at -0.75.', weight: -0.75, cues: ['cue'], quoted: false }], datedAt: '2026-03-01T08:00:00.000Z' });
      expect((await store.columnistRows({ issue: 'other-issue' })).map((r) => r.position)).toEqual([0.1]);
      expect((await store.columnistRows({ issue: ISSUE, since: '2026-03-02' })).map((r) => r.articleId)).toEqual([b]);
      expect((await store.columnistRows({ issue: ISSUE, until: '2026-03-01' })).map((r) => r.articleId)).toEqual([a]);
      await store.saveArticlePositions(b, [position(null)]);
      expect((await store.columnistRows({ issue: ISSUE })).map((r) => r.position)).toEqual([-0.75, null]);
      await expect(store.columnistRows({ issue: ISSUE, since: 'March' })).rejects.toMatchObject({ code: 'input' });
    });

    it('scores each comment once per scorer version', async () => {
      const { store } = ctx;
      const a = await piece(store, 'Mara Quill', '2026-03-01T08:00:00Z', 'opinion', 'Maximum pressure now.');
      await store.addComments(a, [{ author: 'r1', published: null, text: 'Dialogue works.' }, { author: 'r2', published: null, text: 'Strike them.' }]);
      const todo = await store.commentsToScore(a, '1');
      expect(todo.map((t) => t.text)).toEqual(['Dialogue works.', 'Strike them.']);
      expect(todo.every((t) => t.articleId === a)).toBe(true);
      await store.saveCommentPositions(todo.map((t, i) => ({ commentId: t.id, issue: ISSUE, position: i === 0 ? 0.5 : -0.5, tone: 0, cues: 1, scorerVersion: '1' })));
      expect(await store.commentsToScore(a, '1')).toEqual([]);
      expect(await store.commentsToScore(a, '2')).toHaveLength(2);
      await store.addComments(a, [{ author: 'r3', published: null, text: 'Fine piece.' }]);
      expect((await store.commentsToScore(a, '1')).map((t) => t.text)).toEqual(['Fine piece.']);
      // Re-scoring replaces; an unknown comment is refused.
      await store.saveCommentPositions([{ commentId: todo[0]!.id, issue: ISSUE, position: 0.9, tone: 0.5, cues: 2, scorerVersion: '1' }]);
      expect((await store.readerRows({ issue: ISSUE, articleId: a }))[0]).toMatchObject({ scored: 2, positionSum: 0.4 });
      await expect(store.saveCommentPositions([{ commentId: 999_999, issue: ISSUE, position: 0, tone: 0, cues: 0, scorerVersion: '1' }])).rejects.toMatchObject({ code: 'input' });
    });

    it('aggregates reader comments per article with the author position, by article, topic and date', async () => {
      const { store } = ctx;
      const a = await piece(store, 'Mara Quill', '2026-03-01T08:00:00Z', 'opinion', 'The case for maximum pressure on the peninsula.');
      const b = await piece(store, 'Desk Reporter', '2026-03-03T08:00:00Z', 'news', 'Fishing quotas were agreed on the coast.');
      const quiet = await piece(store, 'Ivo Brandt', '2026-03-04T08:00:00Z', 'opinion', 'Nobody commented on the peninsula piece.');
      await store.saveArticlePositions(a, [position(-0.6)]);
      await store.addComments(a, ['Dialogue please.', 'Talks now.', 'Agreed, strike.', 'No view.', 'Unscored yet.'].map((text) => ({ author: null, published: null, text })));
      await store.addComments(b, [{ author: null, published: null, text: 'Good news.' }]);
      const idsA = await commentIds(store, a);
      const idsB = await commentIds(store, b);
      const scores: [number, number | null, number][] = [[0.5, 0.5, 0.2], [idsA[1]!, 0.7, 0], [idsA[2]!, -0.5, -0.4], [idsA[3]!, null, 0]];
      scores[0]![0] = idsA[0]!;
      await store.saveCommentPositions(scores.map(([commentId, p, tone]) => ({ commentId, issue: ISSUE, position: p, tone, cues: p === null ? 0 : 1, scorerVersion: '1' })));
      await store.saveCommentPositions([...scores.map(([commentId]) => ({ commentId, issue: 'other-issue', position: -1, tone: 0, cues: 1, scorerVersion: '1' }))]);
      await store.saveCommentPositions([{ commentId: idsB[0]!, issue: ISSUE, position: 0.2, tone: 0.5, cues: 1, scorerVersion: '1' }]);

      const all = await store.readerRows({ issue: ISSUE });
      expect(all.map((r) => r.articleId)).toEqual([b, a]); // newest first; articles with comments only
      const ra = all.find((r) => r.articleId === a)!;
      expect(ra).toMatchObject({ byline: 'Mara Quill', kind: 'opinion', authorPosition: -0.6, comments: 5, scored: 4, positioned: 3, hawkish: 1, engagement: 2 });
      expect(ra.positionSum).toBeCloseTo(0.7, 9);
      expect(ra.toneSum).toBeCloseTo(-0.2, 9);
      expect(all.find((r) => r.articleId === b)).toMatchObject({ authorPosition: null, comments: 1, scored: 1, positioned: 1, engagement: 1, hawkish: 0 });

      expect((await store.readerRows({ issue: ISSUE, articleId: quiet }))).toMatchObject([{ articleId: quiet, comments: 0, scored: 0, positionSum: 0, toneSum: 0 }]);
      expect((await store.readerRows({ issue: ISSUE, keyword: 'peninsula' })).map((r) => r.articleId)).toEqual([a]);
      expect((await store.readerRows({ issue: ISSUE, keyword: '"fishing quotas"' })).map((r) => r.articleId)).toEqual([b]);
      expect((await store.readerRows({ issue: ISSUE, since: '2026-03-02' })).map((r) => r.articleId)).toEqual([b]);
      expect((await store.readerRows({ issue: 'other-issue', articleId: a }))[0]).toMatchObject({ scored: 4, positioned: 4, hawkish: 4, authorPosition: null });
      await expect(store.readerRows({ issue: ISSUE, keyword: '  ' })).rejects.toMatchObject({ code: 'input' });
    });

    it('records positions after an analysis: opinion pieces and their comments, not news bodies', async () => {
      const { store } = ctx;
      const text = 'Maximum pressure has failed. Washington should return to talks without preconditions and offer humanitarian aid.';
      const op = await piece(store, 'Ivo Brandt', '2026-03-02T08:00:00Z', 'opinion', text);
      const news = await piece(store, 'Desk Reporter', '2026-03-02T09:00:00Z', 'news', `Report: ${text}`);
      expect(news).not.toBe(op);
      await store.addComments(op, [{ author: null, published: null, text: 'Naive. They cannot be trusted; sanctions must stay.' }]);
      await store.addComments(news, [{ author: null, published: null, text: 'Dialogue is the only way, thanks for a balanced report.' }]);
      await recordPositions(store, { id: op, kind: 'opinion' }, fakeAnalysis(text, []));
      await recordPositions(store, { id: news, kind: 'news' }, fakeAnalysis(`Report: ${text}`, []));
      expect((await store.columnistRows({ issue: ISSUE, kinds: ['news'] }))).toEqual([]);
      const [row] = await store.columnistRows({ issue: ISSUE });
      expect(row).toMatchObject({ articleId: op });
      expect(row!.position!).toBeGreaterThan(0.2);
      expect(row!.evidence[0]!.sentence).toMatch(/^Washington should return to talks/);
      expect(row!.evidence[1]).toMatchObject({ sentence: 'Maximum pressure has failed.', weight: -2 });
      const readers = await store.readerRows({ issue: ISSUE });
      expect(readers.find((r) => r.articleId === op)).toMatchObject({ comments: 1, scored: 1, positioned: 1, hawkish: 1 });
      expect(readers.find((r) => r.articleId === news)).toMatchObject({ comments: 1, scored: 1, engagement: 1, authorPosition: null });
      // Scoring again finds nothing new.
      expect(await store.commentsToScore(op, SCORER_VERSION)).toEqual([]);
    });
  });
}
