// Where positions are stored: after an article's analysis is saved (opinion and analysis pieces
// get a position per issue, scored with their events and quotes) and whenever reader comments
// are stored (each comment is scored once per scorer version). Insights read only these rows.
import type { Analysis } from '../analyze/types.js';
import type { ArticleKind } from '../core/types.js';
import type { Store } from '../store/types.js';
import { positionLexicon, type PositionLexicon } from './lexicon.js';
import { SCORER_VERSION, scorePosition } from './score.js';

/** Article kinds whose author takes a position (the others report). */
export const OPINION_KINDS: readonly ArticleKind[] = ['opinion', 'analysis'];

/** Scores the article's comments not yet scored by this scorer version; returns how many. */
export async function scoreComments(store: Store, articleId: number, lexicon: PositionLexicon = positionLexicon()): Promise<number> {
  const todo = await store.commentsToScore(articleId, SCORER_VERSION);
  if (todo.length === 0) return 0;
  await store.saveCommentPositions(
    todo.flatMap((c) =>
      lexicon.issues.map((issue) => {
        const s = scorePosition(c.text, issue, lexicon);
        return { commentId: c.id, issue: issue.name, position: s.position, tone: s.tone, cues: s.cues, scorerVersion: SCORER_VERSION };
      }),
    ),
  );
  return todo.length;
}

/** After saveAnalysis: the piece's positions (opinion and analysis kinds) and its new comments' scores. */
export async function recordPositions(store: Store, article: { id: number; kind: ArticleKind }, analysis: Analysis, lexicon: PositionLexicon = positionLexicon()): Promise<void> {
  if (OPINION_KINDS.includes(article.kind)) {
    const context = { events: analysis.events, quotes: analysis.quotes };
    await store.saveArticlePositions(
      article.id,
      lexicon.issues.map((issue) => {
        const s = scorePosition(analysis.document.text, issue, lexicon, context);
        return { issue: issue.name, position: s.position, hawkish: s.hawkish, engagement: s.engagement, tone: s.tone, cues: s.cues, evidence: s.evidence, scorerVersion: SCORER_VERSION };
      }),
    );
  }
  await scoreComments(store, article.id, lexicon);
}
