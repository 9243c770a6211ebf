// Adding a source (admin): the API does not fetch, so the kind must be given (`readout sources
// add URL` discovers it from the page). The API's refusal is shown next to the field it names.
import { useState, type FormEvent } from 'react';
import type { SourceKind } from '../../../src/core/types';
import type { Source } from '../../../src/store/types';
import { api, ApiFailure } from '../api/client';

// The server's SOURCE_KINDS (a type check keeps them in step: a missing kind fails to compile).
const KINDS = ['feed', 'sitemap', 'page', 'comments'] as const satisfies readonly SourceKind[];
export type SourceKindsComplete = Exclude<SourceKind, (typeof KINDS)[number]> extends never ? true : never;
const KIND_WORDS: Record<SourceKind, string> = { feed: 'RSS/Atom feed', sitemap: 'news sitemap', page: 'web page (links on it)', comments: 'comment feed' };

const FIELDS = ['url', 'kind', 'title', 'tags', 'every'] as const;
type Field = (typeof FIELDS)[number];

export function AddSource({ onAdded }: { onAdded: (s: Source) => void }) {
  const [v, setV] = useState<Record<Field, string>>({ url: '', kind: 'feed', title: '', tags: '', every: '' });
  const [error, setError] = useState<{ field: Field | 'form'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (f: Field, value: string) => setV((cur) => ({ ...cur, [f]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const tags = v.tags.split(',').map((t) => t.trim()).filter(Boolean);
      const body = { url: v.url.trim(), kind: v.kind, tags, ...(v.title.trim() ? { title: v.title.trim() } : {}), ...(v.every.trim() ? { every: v.every.trim() } : {}) };
      const added = await api.post<Source>('/sources', body);
      setV({ url: '', kind: v.kind, title: '', tags: v.tags, every: '' });
      onAdded(added);
    } catch (err) {
      const f = err instanceof ApiFailure ? err.field : undefined;
      // A 409 (already a source) is about the URL.
      const field: Field | 'form' = err instanceof ApiFailure && err.status === 409 ? 'url' : f && (FIELDS as readonly string[]).includes(f) ? (f as Field) : 'form';
      setError({ field, message: (err as Error).message.replace(new RegExp(`^${field}: `), '') });
    } finally {
      setBusy(false);
    }
  };

  const invalid = (f: Field) => (error?.field === f ? { 'aria-invalid': true, 'aria-describedby': `source-${f}-error` } : {});
  const errorOf = (f: Field) =>
    error?.field === f ? (
      <span id={`source-${f}-error`} className="field-error" role="alert">
        {error.message}
      </span>
    ) : null;
  return (
    <form className="card source-form" aria-labelledby="add-source-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="add-source-title">Add a source</h2>
      {error?.field === 'form' ? (
        <p className="state error" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="source-fields">
        <label className="wide">
          URL <input type="url" required value={v.url} onChange={(e) => set('url', e.target.value)} placeholder="https://outlet.example/feed.xml" {...invalid('url')} />
          {errorOf('url')}
        </label>
        <label>
          Kind
          <select value={v.kind} onChange={(e) => set('kind', e.target.value)} {...invalid('kind')}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_WORDS[k]}
              </option>
            ))}
          </select>
          {errorOf('kind')}
        </label>
        <label>
          Title <input value={v.title} onChange={(e) => set('title', e.target.value)} placeholder="Outlet name" {...invalid('title')} />
          {errorOf('title')}
        </label>
        <label>
          Tags <input value={v.tags} onChange={(e) => set('tags', e.target.value)} placeholder="Korea desk, wires" {...invalid('tags')} />
          <span className="hint">comma-separated</span>
          {errorOf('tags')}
        </label>
        <label>
          Poll every <input value={v.every} onChange={(e) => set('every', e.target.value)} placeholder="15m" {...invalid('every')} />
          <span className="hint">empty: the server's default</span>
          {errorOf('every')}
        </label>
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Adding…' : 'Add source'}
      </button>
    </form>
  );
}
