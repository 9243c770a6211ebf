// Reader comments stored with the article (author, when, text, and thread position when the
// outlet gave one), below the text.
import type { ReaderComment } from '../../../src/core/types';

type Comment = ReaderComment & { position?: number | string | null };

export function ArticleComments({ comments }: { comments: Comment[] }) {
  return (
    <section className="article-comments" aria-labelledby="article-comments-title">
      <h2 id="article-comments-title">Reader comments ({comments.length})</h2>
      {comments.length === 0 ? (
        <p className="muted">No reader comments were stored with this article.</p>
      ) : (
        <ol>
          {comments.map((c, i) => (
            <li key={i}>
              <p className="article-comment-meta">
                <strong>{c.author ?? 'anonymous'}</strong>
                {c.published ? <> · <time dateTime={c.published}>{c.published.slice(0, 16).replace('T', ' ')}</time></> : null}
                {c.position !== undefined && c.position !== null ? <> · position {c.position}</> : null}
              </p>
              <p className="article-comment-text">{c.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
