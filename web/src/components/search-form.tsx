// The search box and filters. Text fields are drafts until submitted (Enter or the button), so
// the URL and the request change once per search; the selects apply at once (with the drafts). A filter the API
// refused (400 with its field) is marked on its input with the server's message.
import { useEffect, useState, type FormEvent } from 'react';
import { ApiFailure } from '../api/client';
import type { ArticleKind } from '../api/types';
import type { Query } from '../lib/query-state';

const KINDS: ArticleKind[] = ['news', 'opinion', 'analysis', 'press-release', 'transcript', 'other'];
type TextField = 'q' | 'source' | 'since' | 'until';

function drafts(query: Query): Record<TextField, string> {
  return { q: query.q ?? '', source: query.source ?? '', since: query.since ?? '', until: query.until ?? '' };
}

export function SearchForm({ query, onChange, error }: { query: Query; onChange: (next: Partial<Query>, opts?: { push?: boolean }) => void; error: Error | null }) {
  const [draft, setDraft] = useState(() => drafts(query));
  // The URL wins when it changes (back button, a link): the fields show what is searched.
  useEffect(() => setDraft(drafts(query)), [query]);
  const bad = error instanceof ApiFailure && error.status === 400 ? error : null;
  const invalid = (field: string) => (bad?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'search-field-error' } : {});

  function submit(e: FormEvent) {
    e.preventDefault();
    onChange(draft, { push: true });
  }
  const text = (field: TextField, label: string, placeholder: string) => (
    <label>
      {label}
      <input name={field} value={draft[field]} placeholder={placeholder} onChange={(e) => setDraft({ ...draft, [field]: e.target.value })} {...invalid(field)} />
    </label>
  );

  return (
    <form className="search-form" role="search" aria-label="Articles" onSubmit={submit}>
      <div className="search-box">
        <label htmlFor="search-q" className="visually-hidden">
          Search articles
        </label>
        <input id="search-q" name="q" type="search" value={draft.q} placeholder='Words, or "a phrase"' onChange={(e) => setDraft({ ...draft, q: e.target.value })} {...invalid('q')} />
        <button type="submit">Search</button>
      </div>
      <div className="filters">
        {text('source', 'Source', 'outlet or feed')}
        <label>
          Kind
          <select name="kind" value={query.kind ?? ''} onChange={(e) => onChange({ ...draft, kind: e.target.value })} {...invalid('kind')}>
            <option value="">all</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        {text('since', 'Since', 'YYYY-MM-DD, 7d, 24h')}
        {text('until', 'Until', 'YYYY-MM-DD')}
        <label>
          Order
          <select name="order" value={query.q ? (query.order ?? 'relevance') : 'newest'} disabled={!query.q} onChange={(e) => onChange({ ...draft, order: e.target.value })}>
            <option value="relevance">best match</option>
            <option value="newest">newest</option>
          </select>
        </label>
        <button type="submit" className="secondary">
          Apply
        </button>
      </div>
      {bad ? (
        <p id="search-field-error" className="search-field-error" role="alert">
          {bad.field ? <strong>{bad.field}: </strong> : null}
          {bad.field && bad.message.startsWith(`${bad.field}: `) ? bad.message.slice(bad.field.length + 2) : bad.message}
        </p>
      ) : null}
    </form>
  );
}
