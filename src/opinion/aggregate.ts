// Pure functions over the stored positions (src/store/opinion.ts): opinion pieces grouped by
// author (columnists), and reader comments per article and per topic with their divergence from
// the author. Nothing here reads article or comment text.
//
// Columnists: an article's byline is split into authors ("A and B", "A, B" credit both; a leading
// "By" is dropped), each author gets every piece they signed. mean = mean of the pieces'
// positions (pieces with no cue are counted but not averaged); trend = least-squares slope of
// position against the piece's date, per 30 days, over ≥ 2 scored pieces on different days
// ("steady" when |slope| < 0.1). Evidence = the strongest sentences over the author's pieces.
//
// Readers: per article, comment volume, mean tone, mean position of the comments with a cue,
// and the distribution hawkish (≤ −0.2) / neutral / engagement (≥ 0.2), a comment without any
// cue counting as neutral. divergence = mean reader position − the author's position (−2 … +2;
// > 0: readers lean more to engagement than the author); readers "diverge" when |divergence| ≥
// 0.5 over at least 2 comments with a position. `opposed` = comments on the other side of an
// author who leans one way. For a topic, the totals pool the articles' comments (divergence
// over the articles that have an author position, each comment against its own article's author).
import { leanOf, type Lean, type PositionEvidence, type PositionScore } from './score.js';

/** One scored opinion piece as the store returns it. */
export interface ArticlePositionRow extends PositionScore {
  articleId: number;
  url: string;
  title: string | null;
  byline: string | null;
  sourceName: string | null;
  kind: string;
  /** The article's date (published, else fetched), ISO. */
  datedAt: string;
}

export interface ColumnistEvidence extends PositionEvidence {
  articleId: number;
  url: string;
  date: string;
}

export interface ColumnistTrend {
  /** Change of position per 30 days; null with fewer than 2 scored pieces on different days. */
  slopePer30Days: number | null;
  direction: 'toward engagement' | 'toward hawkish' | 'steady' | null;
}

export interface Columnist {
  author: string;
  articles: number;
  /** Pieces with at least one cue. */
  scored: number;
  meanPosition: number | null;
  lean: Lean;
  trend: ColumnistTrend;
  outlets: string[];
  firstDate: string;
  lastDate: string;
  pieces: { articleId: number; title: string | null; url: string; date: string; kind: string; position: number | null }[];
  evidence: ColumnistEvidence[];
}

export const TOP_EVIDENCE = 3;
const STEADY_SLOPE = 0.1;
const DAY_MS = 86_400_000;
const round = (v: number) => Math.round(v * 1000) / 1000;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The authors a byline credits: "By A and B" → ["A", "B"]. */
export function splitByline(byline: string | null): string[] {
  if (!byline) return [];
  const cleaned = byline.replace(/\s+/g, ' ').replace(/^\s*by[:\s]\s*/i, '').trim();
  return cleaned
    .split(/\s+(?:and|&)\s+|\s*[,;|]\s*/i)
    .map((s) => s.trim())
    .filter((s) => s.length > 1 && !/^(?:jr|sr|ii|iii|phd)\.?$/i.test(s));
}

export function authorKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Least-squares slope of position per 30 days. */
export function trendOf(points: { date: string; position: number }[]): ColumnistTrend {
  const xs = points.map((p) => Date.parse(p.date) / DAY_MS);
  if (points.length < 2 || new Set(xs.map((x) => Math.floor(x))).size < 2) return { slopePer30Days: null, direction: null };
  const mx = mean(xs)!;
  const my = mean(points.map((p) => p.position))!;
  let num = 0;
  let den = 0;
  points.forEach((p, i) => {
    num += (xs[i]! - mx) * (p.position - my);
    den += (xs[i]! - mx) ** 2;
  });
  const slope = den === 0 ? 0 : (num / den) * 30;
  return { slopePer30Days: round(slope), direction: Math.abs(slope) < STEADY_SLOPE ? 'steady' : slope > 0 ? 'toward engagement' : 'toward hawkish' };
}

/** Opinion pieces grouped by author, most pieces first (then by name). */
export function groupColumnists(rows: readonly ArticlePositionRow[], topEvidence = TOP_EVIDENCE): Columnist[] {
  const groups = new Map<string, { names: Map<string, number>; rows: ArticlePositionRow[] }>();
  for (const row of rows) {
    for (const name of splitByline(row.byline)) {
      const key = authorKey(name);
      if (!key) continue;
      const g = groups.get(key) ?? { names: new Map<string, number>(), rows: [] as ArticlePositionRow[] };
      g.names.set(name, (g.names.get(name) ?? 0) + 1);
      if (!g.rows.includes(row)) g.rows.push(row);
      groups.set(key, g);
    }
  }
  const out: Columnist[] = [];
  for (const g of groups.values()) {
    const sorted = [...g.rows].sort((a, b) => a.datedAt.localeCompare(b.datedAt) || a.articleId - b.articleId);
    const scored = sorted.filter((r): r is ArticlePositionRow & { position: number } => r.position !== null);
    const m = mean(scored.map((r) => r.position));
    const evidence = sorted
      .flatMap((r) => r.evidence.map((e) => ({ ...e, articleId: r.articleId, url: r.url, date: r.datedAt.slice(0, 10) })))
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.articleId - b.articleId)
      .slice(0, topEvidence);
    const author = [...g.names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    out.push({
      author,
      articles: sorted.length,
      scored: scored.length,
      meanPosition: m === null ? null : round(m),
      lean: leanOf(m),
      trend: trendOf(scored.map((r) => ({ date: r.datedAt, position: r.position }))),
      outlets: [...new Set(sorted.map((r) => r.sourceName).filter((s): s is string => !!s))].sort(),
      firstDate: sorted[0]!.datedAt.slice(0, 10),
      lastDate: sorted[sorted.length - 1]!.datedAt.slice(0, 10),
      pieces: sorted.map((r) => ({ articleId: r.articleId, title: r.title, url: r.url, date: r.datedAt.slice(0, 10), kind: r.kind, position: r.position })),
      evidence,
    });
  }
  return out.sort((a, b) => b.articles - a.articles || a.author.localeCompare(b.author));
}

/** One article's comments as the store aggregates them (SQL GROUP BY article). */
export interface ReaderArticleRow {
  articleId: number;
  url: string;
  title: string | null;
  byline: string | null;
  kind: string;
  datedAt: string;
  /** The author's stored position on the issue (null: not an opinion piece, or no cue). */
  authorPosition: number | null;
  /** All stored comments, scored or not. */
  comments: number;
  /** Comments with a stored score, and of those the ones with a position (a cue). */
  scored: number;
  positioned: number;
  positionSum: number;
  toneSum: number;
  hawkish: number;
  engagement: number;
}

export interface Divergence {
  /** Mean reader position − author position; null without an author position or positioned comments. */
  value: number | null;
  diverges: boolean;
  /** Comments on the other side of the author's lean (null when the author is neutral or unknown). */
  opposed: number | null;
}

export interface ReaderStats {
  comments: number;
  scored: number;
  meanTone: number | null;
  meanPosition: number | null;
  distribution: { hawkish: number; neutral: number; engagement: number };
  divergence: Divergence;
}

export interface ReaderArticle extends ReaderStats {
  articleId: number;
  url: string;
  title: string | null;
  author: string | null;
  kind: string;
  date: string;
  authorPosition: number | null;
  authorLean: Lean | null;
}

export interface ReaderReport {
  articles: ReaderArticle[];
  total: ReaderStats;
}

export const DIVERGENCE_THRESHOLD = 0.5;
export const MIN_POSITIONED = 2;

function opposedOf(authorPosition: number | null, hawkish: number, engagement: number): number | null {
  const lean = authorPosition === null ? null : leanOf(authorPosition);
  return lean === 'hawkish' ? engagement : lean === 'engagement' ? hawkish : null;
}

function divergence(diffSum: number, positioned: number, opposed: number | null): Divergence {
  if (positioned === 0) return { value: null, diverges: false, opposed };
  const value = round(diffSum / positioned);
  return { value, diverges: positioned >= MIN_POSITIONED && Math.abs(value) >= DIVERGENCE_THRESHOLD, opposed };
}

function statsOf(r: Omit<ReaderArticleRow, 'articleId' | 'url' | 'title' | 'byline' | 'kind' | 'datedAt' | 'authorPosition'>, div: Divergence): ReaderStats {
  return {
    comments: r.comments,
    scored: r.scored,
    meanTone: r.scored ? round(r.toneSum / r.scored) : null,
    meanPosition: r.positioned ? round(r.positionSum / r.positioned) : null,
    distribution: { hawkish: r.hawkish, neutral: r.scored - r.hawkish - r.engagement, engagement: r.engagement },
    divergence: div,
  };
}

/** Per-article reader stats and their pooled total (articles newest first). */
export function summarizeReaders(rows: readonly ReaderArticleRow[]): ReaderReport {
  const articles = [...rows]
    .sort((a, b) => b.datedAt.localeCompare(a.datedAt) || b.articleId - a.articleId)
    .map((r): ReaderArticle => {
      const div = r.authorPosition === null
        ? { value: null, diverges: false, opposed: null }
        : divergence(r.positionSum - r.positioned * r.authorPosition, r.positioned, opposedOf(r.authorPosition, r.hawkish, r.engagement));
      return {
        articleId: r.articleId, url: r.url, title: r.title, author: splitByline(r.byline).join(', ') || null, kind: r.kind, date: r.datedAt.slice(0, 10),
        authorPosition: r.authorPosition, authorLean: r.authorPosition === null ? null : leanOf(r.authorPosition),
        ...statsOf(r, div),
      };
    });
  const sum = (f: (r: ReaderArticleRow) => number, of: readonly ReaderArticleRow[] = rows) => of.reduce((a, r) => a + f(r), 0);
  const withAuthor = rows.filter((r) => r.authorPosition !== null);
  const opposedParts = withAuthor.map((r) => opposedOf(r.authorPosition, r.hawkish, r.engagement)).filter((v): v is number => v !== null);
  const totalDiv = withAuthor.length === 0
    ? { value: null, diverges: false, opposed: null }
    : divergence(sum((r) => r.positionSum - r.positioned * r.authorPosition!, withAuthor), sum((r) => r.positioned, withAuthor), opposedParts.length ? opposedParts.reduce((a, b) => a + b, 0) : null);
  const total = statsOf({
    comments: sum((r) => r.comments), scored: sum((r) => r.scored), positioned: sum((r) => r.positioned), positionSum: sum((r) => r.positionSum),
    toneSum: sum((r) => r.toneSum), hawkish: sum((r) => r.hawkish), engagement: sum((r) => r.engagement),
  }, totalDiv);
  return { articles, total };
}
