// The reports `readout columnists` / `readout readers` print and GET /columnists / GET /readers
// return: the store's rows (src/store/opinion.ts) through the pure aggregations (aggregate.ts).
import { ReadoutError } from '../core/errors.js';
import type { Store } from '../store/types.js';
import { groupColumnists, summarizeReaders, type Columnist, type ReaderArticle, type ReaderStats } from './aggregate.js';
import { findIssue, positionLexicon, type PositionLexicon } from './lexicon.js';

export interface IssueLabel {
  name: string;
  label: string;
}

export interface ColumnistsReport {
  issue: IssueLabel;
  since: string | null;
  until: string | null;
  columnists: Columnist[];
}

export interface ReadersReport {
  issue: IssueLabel;
  scope: { kind: 'article'; articleId: number } | { kind: 'topic'; topic: string } | { kind: 'all' };
  since: string | null;
  until: string | null;
  articles: ReaderArticle[];
  total: ReaderStats;
}

export interface OpinionFilter {
  issue?: string;
  since?: string;
  until?: string;
}

export async function columnistsReport(store: Store, filter: OpinionFilter, lexicon: PositionLexicon = positionLexicon()): Promise<ColumnistsReport> {
  const issue = findIssue(lexicon, filter.issue);
  const rows = await store.columnistRows({ issue: issue.name, since: filter.since, until: filter.until });
  return { issue: { name: issue.name, label: issue.label }, since: filter.since ?? null, until: filter.until ?? null, columnists: groupColumnists(rows) };
}

/** Throws ReadoutError('input') for an unknown article id. */
export async function readersReport(
  store: Store,
  filter: OpinionFilter & { articleId?: number; topic?: string },
  lexicon: PositionLexicon = positionLexicon(),
): Promise<ReadersReport> {
  const issue = findIssue(lexicon, filter.issue);
  if (filter.articleId !== undefined && filter.topic !== undefined) throw new ReadoutError('input', 'give an article or a topic, not both');
  if (filter.articleId !== undefined && !(await store.getArticle(filter.articleId))) throw new ReadoutError('input', `no article ${filter.articleId}`);
  const rows = await store.readerRows({ issue: issue.name, articleId: filter.articleId, keyword: filter.topic, since: filter.since, until: filter.until });
  const scope: ReadersReport['scope'] =
    filter.articleId !== undefined ? { kind: 'article', articleId: filter.articleId } : filter.topic !== undefined ? { kind: 'topic', topic: filter.topic.trim() } : { kind: 'all' };
  return { issue: { name: issue.name, label: issue.label }, scope, since: filter.since ?? null, until: filter.until ?? null, ...summarizeReaders(rows) };
}
