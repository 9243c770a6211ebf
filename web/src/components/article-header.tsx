// The article's header: title, outlet, byline, when published, kind, language, its URL (opened
// outside the dashboard), and the near-duplicate group it belongs to.
import { Link } from 'wouter';
import type { StoredArticle } from '../../../src/store/types';

export function ArticleHeader({ article }: { article: StoredArticle }) {
  return (
    <header className="article-header">
      <h1 id="article-title">{article.title ?? article.url}</h1>
      <p className="article-meta">
        <span className="tag">{article.kind}</span> <strong>{article.sourceName ?? 'unknown outlet'}</strong>
        {article.byline ? <> · {article.byline}</> : null} ·{' '}
        {article.published ? <time dateTime={article.published}>{article.published.slice(0, 16).replace('T', ' ')}</time> : <span>undated (fetched {article.fetchedAt.slice(0, 10)})</span>}
        {article.section ? <> · {article.section}</> : null} · <span title="language">{article.language}</span>
      </p>
      <p className="article-url">
        <a href={article.url} target="_blank" rel="noopener noreferrer">
          {article.url}
        </a>
        {article.groupId !== article.id ? (
          <>
            {' '}
            · near-duplicate of <Link href={`/articles/${article.groupId}`}>article {article.groupId}</Link>
          </>
        ) : null}
      </p>
    </header>
  );
}
