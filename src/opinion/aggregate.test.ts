import { describe, expect, it } from 'vitest';
import { authorKey, groupColumnists, splitByline, summarizeReaders, trendOf, type ArticlePositionRow, type ReaderArticleRow } from './aggregate.js';

let seq = 0;
function piece(byline: string | null, datedAt: string, position: number | null, over: Partial<ArticlePositionRow> = {}): ArticlePositionRow {
  seq++;
  return {
    articleId: seq, url: `https://x.example/${seq}`, title: `T${seq}`, byline, sourceName: 'Harbor Ledger', kind: 'opinion', datedAt, issue: 'engagement-vs-pressure',
    position, hawkish: 0, engagement: 0, tone: 0, cues: position === null ? 0 : 1,
    evidence: position === null ? [] : [{ sentence: `Sentence ${seq}.`, weight: position, cues: ['cue'], quoted: false }], ...over,
  };
}

function readers(over: Partial<ReaderArticleRow>): ReaderArticleRow {
  return {
    articleId: 1, url: 'https://x.example/1', title: 'T', byline: 'Mara Quill', kind: 'opinion', datedAt: '2026-03-02T00:00:00Z', authorPosition: null,
    comments: 0, scored: 0, positioned: 0, positionSum: 0, toneSum: 0, hawkish: 0, engagement: 0, ...over,
  };
}

describe('columnists', () => {
  it('splits bylines and normalises author keys', () => {
    expect(splitByline('By Mara Quill and Ivo Brandt')).toEqual(['Mara Quill', 'Ivo Brandt']);
    expect(splitByline('Mara Quill, Ivo Brandt')).toEqual(['Mara Quill', 'Ivo Brandt']);
    expect(splitByline(null)).toEqual([]);
    expect(authorKey('Zoë  Ardent')).toBe(authorKey('zoe ardent'));
  });

  it('groups pieces by author with mean, trend and the strongest evidence', () => {
    const rows = [
      piece('Mara Quill', '2026-03-01T08:00:00Z', -0.8),
      piece('By Mara Quill', '2026-03-11T08:00:00Z', -0.4),
      piece('Mara Quill', '2026-03-21T08:00:00Z', 0),
      piece('Ivo Brandt', '2026-03-05T08:00:00Z', 0.6),
      piece('Ivo Brandt and Mara Quill', '2026-03-06T08:00:00Z', null),
    ];
    const [mara, ivo] = groupColumnists(rows);
    expect(mara).toMatchObject({ author: 'Mara Quill', articles: 4, scored: 3, meanPosition: -0.4, lean: 'hawkish', firstDate: '2026-03-01', lastDate: '2026-03-21', outlets: ['Harbor Ledger'] });
    expect(mara!.trend.direction).toBe('toward engagement');
    expect(mara!.trend.slopePer30Days).toBeCloseTo(1.2, 5);
    expect(mara!.evidence.map((e) => e.weight)).toEqual([-0.8, -0.4, 0]);
    expect(ivo).toMatchObject({ author: 'Ivo Brandt', articles: 2, scored: 1, meanPosition: 0.6, lean: 'engagement', trend: { slopePer30Days: null, direction: null } });
    expect(groupColumnists([piece(null, '2026-03-01T00:00:00Z', 0.5)])).toEqual([]);
  });

  it('calls a flat series steady', () => {
    expect(trendOf([{ date: '2026-03-01', position: 0.3 }, { date: '2026-03-20', position: 0.32 }]).direction).toBe('steady');
  });
});

describe('readers', () => {
  it('summarises volume, tone, distribution and divergence from a hawkish author', () => {
    const r = summarizeReaders([readers({ authorPosition: -0.6, comments: 5, scored: 5, positioned: 4, positionSum: 1.6, toneSum: -1, hawkish: 1, engagement: 3 })]);
    expect(r.articles[0]).toMatchObject({
      comments: 5, meanTone: -0.2, meanPosition: 0.4, authorLean: 'hawkish', author: 'Mara Quill',
      distribution: { hawkish: 1, neutral: 1, engagement: 3 },
      divergence: { value: 1, diverges: true, opposed: 3 },
    });
    expect(r.total).toMatchObject({ comments: 5, distribution: { hawkish: 1, neutral: 1, engagement: 3 }, divergence: { value: 1, diverges: true } });
  });

  it('does not call readers divergent when they agree, are too few, or there is no author position', () => {
    const agree = summarizeReaders([readers({ authorPosition: 0.5, comments: 3, scored: 3, positioned: 3, positionSum: 1.5, engagement: 3 })]);
    expect(agree.articles[0]!.divergence).toEqual({ value: 0, diverges: false, opposed: 0 });
    const few = summarizeReaders([readers({ authorPosition: -0.5, comments: 1, scored: 1, positioned: 1, positionSum: 0.5, engagement: 1 })]);
    expect(few.articles[0]!.divergence).toMatchObject({ value: 1, diverges: false });
    const news = summarizeReaders([readers({ kind: 'news', byline: null, comments: 2, scored: 2 })]);
    expect(news.articles[0]).toMatchObject({ author: null, authorPosition: null, meanPosition: null, distribution: { neutral: 2 }, divergence: { value: null, diverges: false, opposed: null } });
    expect(summarizeReaders([]).total).toMatchObject({ comments: 0, meanTone: null, divergence: { value: null } });
  });

  it('pools a topic: each comment against its own article author', () => {
    const r = summarizeReaders([
      readers({ articleId: 1, datedAt: '2026-03-01T00:00:00Z', authorPosition: -0.5, comments: 2, scored: 2, positioned: 2, positionSum: 1, engagement: 2 }),
      readers({ articleId: 2, datedAt: '2026-03-02T00:00:00Z', authorPosition: 0.5, comments: 2, scored: 2, positioned: 2, positionSum: 1, engagement: 2 }),
      readers({ articleId: 3, datedAt: '2026-03-03T00:00:00Z', kind: 'news', comments: 4, scored: 4, positioned: 2, positionSum: -1, hawkish: 2 }),
    ]);
    expect(r.articles.map((a) => a.articleId)).toEqual([3, 2, 1]);
    // (2·(0.5 − (−0.5)) + 2·(0.5 − 0.5)) / 4 = 0.5
    expect(r.total).toMatchObject({ comments: 8, meanPosition: 0.167, distribution: { hawkish: 2, neutral: 2, engagement: 4 }, divergence: { value: 0.5, diverges: true, opposed: 2 } });
  });
});
