// One search result: title linking to the article view, kind, outlet, date, the size of its
// near-duplicate group (the same story syndicated or re-published) and the marked snippet.
import { Link } from 'wouter';
import type { ArticleHit } from '../api/types';
import { Snippet } from './search-snippet';

/** "2026-03-11T19:15:00+09:00" → "2026-03-11 19:15" (the outlet's own clock, as published). */
export function shortTime(iso: string | null): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : 'undated';
}

export function SearchHit({ hit }: { hit: ArticleHit }) {
  const dups = hit.groupSize - 1;
  return (
    <article className="search-hit">
      <h2 className="search-title">
        <Link href={`/articles/${hit.id}`}>{hit.title ?? hit.url}</Link>
      </h2>
      <p className="search-meta">
        <span className="tag">{hit.kind}</span> {hit.sourceName ?? new URL(hit.url, location.href).hostname} · <time dateTime={hit.published ?? undefined}>{shortTime(hit.published)}</time>
        {dups > 0 ? (
          <>
            {' '}
            · <span className="tag search-dups" title={`${hit.groupSize} stored articles tell this story in nearly the same words`}>
              {dups} near-duplicate{dups === 1 ? '' : 's'}
            </span>
          </>
        ) : null}
      </p>
      <Snippet text={hit.snippet} />
    </article>
  );
}
