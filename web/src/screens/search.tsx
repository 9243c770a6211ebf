// Search: full-text search over stored articles (GET /search). The query and filters live in
// the URL (/search?q=…&source=&kind=&since=&until=&order=); an empty query lists the newest
// articles. Results are virtualised and further pages load from nextCursor as the list scrolls.
import { useMemo } from 'react';
import { ApiFailure } from '../api/client';
import type { ArticleHit } from '../api/types';
import { SearchForm } from '../components/search-form';
import { SearchHit } from '../components/search-hit';
import { usePages } from '../components/search-pages';
import { Empty, Failure, Loading } from '../components/states';
import { VirtualList } from '../components/virtual-list';
import { useQueryState } from '../lib/query-state';
import './search.css';

const PARAMS = ['q', 'source', 'kind', 'since', 'until', 'order'] as const;

export function Search() {
  const [query, setQuery] = useQueryState();
  const params = useMemo(() => Object.fromEntries(PARAMS.map((k) => [k, query[k]])), [query]);
  const pages = usePages<ArticleHit>('/search', params);
  const filtered = PARAMS.some((k) => k !== 'q' && k !== 'order' && query[k]);
  const refused = pages.error instanceof ApiFailure && pages.error.status === 400;

  let body;
  if (pages.error && (pages.items.length === 0 || refused)) body = refused ? null : <Failure error={pages.error} retry={pages.reload} />;
  else if (pages.loading) body = <Loading what="results" />;
  else if (pages.items.length === 0)
    body = (
      <Empty>
        {query.q ? (
          <>
            <strong>No articles match “{query.q}”{filtered ? ' with these filters' : ''}.</strong> Check the spelling, use fewer words (all words must appear), or{' '}
            {filtered ? 'clear the filters.' : 'try a broader term.'}
          </>
        ) : filtered ? (
          <strong>No articles match these filters.</strong>
        ) : (
          <>
            <strong>No articles stored yet.</strong> Articles appear here once sources are polled or files ingested.
          </>
        )}
        {filtered ? (
          <p>
            <button type="button" className="secondary" onClick={() => setQuery({ source: '', kind: '', since: '', until: '' }, { push: true })}>
              Clear filters
            </button>
          </p>
        ) : null}
      </Empty>
    );
  else
    body = (
      <>
        <p className="search-count" role="status">
          {pages.items.length} article{pages.items.length === 1 ? '' : 's'}
          {pages.hasMore ? ' so far; more load as you scroll' : ''}
          {query.q ? (query.order === 'newest' ? ', newest first' : ', best match first') : ', newest first'}
          {pages.loadingMore ? ' (loading more…)' : ''}
        </p>
        <VirtualList label="Search results" items={pages.items} keyOf={(h) => h.id} estimate={110} render={(h) => <SearchHit hit={h} />} onEnd={pages.hasMore ? pages.loadMore : undefined} />
        {pages.error ? <Failure error={pages.error} retry={pages.reload} /> : null}
      </>
    );

  return (
    <section aria-labelledby="search-title" className="search-screen">
      <h1 id="search-title">Search</h1>
      <SearchForm query={query} onChange={setQuery} error={pages.error} />
      {body}
    </section>
  );
}
