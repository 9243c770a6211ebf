// The timeline's filters, all kept in the URL: actor and dyad (typed, applied with Enter or the
// Apply button so each keystroke is not a request), direction, type, and the date range.
import { useEffect, useState, type FormEvent } from 'react';
import type { Query } from '../lib/query-state';
import { EVENT_TYPES } from './timeline-data';

export function TimelineFilters({ query, set }: { query: Query; set: (next: Partial<Query>, opts?: { push?: boolean }) => void }) {
  const [actor, setActor] = useState(query.actor ?? '');
  const [dyad, setDyad] = useState(query.dyad ?? '');
  // A new URL (back button, a link) shows its own values.
  useEffect(() => setActor(query.actor ?? ''), [query.actor]);
  useEffect(() => setDyad(query.dyad ?? ''), [query.dyad]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const d = dyad.trim();
    set({ actor: actor.trim(), dyad: d, directed: d ? query.directed : '', focus: '', link: '' }, { push: true });
  };
  const change = (next: Partial<Query>) => set({ ...next, focus: '', link: '' }, { push: true });

  return (
    <form className="filters tl-filters" role="search" aria-label="Timeline filters" onSubmit={apply}>
      <label>
        Actor <input name="actor" value={actor} onChange={(e) => setActor(e.target.value)} placeholder="PRK, Kim Jong Un…" />
      </label>
      <label>
        Dyad <input name="dyad" value={dyad} onChange={(e) => setDyad(e.target.value)} placeholder="PRK-USA" />
      </label>
      <label className="tl-check">
        <span>
          <input type="checkbox" name="directed" checked={query.directed === 'true'} disabled={!query.dyad} onChange={(e) => change({ directed: e.target.checked ? 'true' : '' })} /> first → second only
        </span>
      </label>
      <label>
        Type{' '}
        <select name="type" value={query.type ?? ''} onChange={(e) => change({ type: e.target.value })}>
          <option value="">all types</option>
          {/* A list of types from a shared URL ("THREATEN,SANCTION") stays selectable as it is. */}
          {query.type && !(EVENT_TYPES as readonly string[]).includes(query.type) ? <option value={query.type}>{query.type.split(',').join(', ')}</option> : null}
          {EVENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Since <input type="date" name="since" value={query.since ?? ''} max={query.until} onChange={(e) => change({ since: e.target.value })} />
      </label>
      <label>
        Until <input type="date" name="until" value={query.until ?? ''} min={query.since} onChange={(e) => change({ until: e.target.value })} />
      </label>
      <span className="tl-buttons">
        <button type="submit">Apply</button>
        <button type="button" className="secondary" onClick={() => set({ actor: '', dyad: '', directed: '', type: '', since: '', until: '', focus: '', link: '' }, { push: true })}>
          Clear
        </button>
      </span>
    </form>
  );
}
