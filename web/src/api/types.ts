// Shapes the API returns. Where the server has the type, it is imported from its source (type
// only, erased at build time) so the dashboard and the API cannot drift apart silently.
export type { TimelineEventJson as TimelineEvent, TimelineActorJson as TimelineActor, TimelineReportJson as TimelineReport } from '../../../src/events/timeline';

export type { ArticleKind } from '../../../src/core/types';
export type { FeedAlert, FeedArticle, FeedEvent } from '../../../src/store/stream';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ArticleHit {
  id: number;
  url: string;
  title: string | null;
  sourceName: string | null;
  published: string | null;
  kind: string;
  snippet: string;
  groupId: number;
  groupSize: number;
  score: number;
}
