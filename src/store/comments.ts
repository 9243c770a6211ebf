// Reader comments, deduplicated per article by a hash of their words: the same comment read
// from the page and from the comment feed differs in quotes, punctuation and spacing.
import type { ReaderComment } from '../core/types.js';
import { sha256 } from './raw.js';
import { chunks, clean, cleanOrNull, nowIso, type StoreContext } from './util.js';

const ROWS_PER_INSERT = 200;

export function commentHash(text: string): string {
  const words = text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu);
  return sha256(words ? words.join(' ') : text.trim());
}

/** Adds the comments not stored yet (empty ones are skipped); returns how many were new. */
export async function addComments(ctx: StoreContext, articleId: number, comments: ReaderComment[]): Promise<number> {
  const created = nowIso();
  const byHash = new Map<string, ReaderComment>();
  for (const c of comments) {
    const text = clean(c.text).trim();
    if (text === '') continue;
    const hash = commentHash(text);
    if (!byHash.has(hash)) byHash.set(hash, { author: cleanOrNull(c.author), published: cleanOrNull(c.published), text });
  }
  if (byHash.size === 0) return 0;
  return ctx.atomic(async (db) => {
    let added = 0;
    for (const part of chunks([...byHash], ROWS_PER_INSERT)) {
      const rows = await db
        .insertInto('comments')
        .values(part.map(([hash, c]) => ({ article_id: articleId, author: c.author, published: c.published, text: c.text, text_hash: hash, created_at: created })))
        .onConflict((oc) => oc.columns(['article_id', 'text_hash']).doNothing())
        .returning('id')
        .execute();
      added += rows.length;
    }
    return added;
  });
}

/** In the order they were first stored. */
export async function listComments(ctx: StoreContext, articleId: number): Promise<ReaderComment[]> {
  const rows = await ctx.db.selectFrom('comments').select(['author', 'published', 'text']).where('article_id', '=', articleId).orderBy('id').execute();
  return rows.map((r) => ({ author: r.author, published: r.published, text: r.text }));
}
