// "From" and "To" day inputs bound to the URL's since/until, applied as soon as a day is picked.
import type { Query } from '../lib/query-state';

export function DateRangeFields({ query, setQuery }: { query: Query; setQuery: (next: Partial<Query>) => void }) {
  return (
    <>
      <label>
        From <input type="date" name="since" value={query.since ?? ''} onChange={(e) => setQuery({ since: e.target.value })} />
      </label>
      <label>
        To <input type="date" name="until" value={query.until ?? ''} onChange={(e) => setQuery({ until: e.target.value })} />
      </label>
    </>
  );
}
