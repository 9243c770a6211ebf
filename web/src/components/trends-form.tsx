// What the Trends screen follows: the kind of subject and its value, other subjects of the same
// kind to compare, the bucket size and the day range. The subject is applied with the button
// (typing does not fetch); bucket size and days apply at once. All of it lives in the URL.
import { useState, type FormEvent } from 'react';
import type { Query } from '../lib/query-state';
import { DateRangeFields } from './date-range-fields';
import { TREND_KINDS, type TrendKind } from './trends-data';

const VALUE_LABEL: Record<TrendKind, string> = { actor: 'Actor', dyad: 'Dyad', type: 'Event type', keyword: 'Keyword' };
const PLACEHOLDER: Record<TrendKind, string> = { actor: 'PRK, org:prk-mfa, a name', dyad: 'PRK-USA or A,B', type: 'THREATEN', keyword: 'sanctions' };
const COMPARE_HINT: Record<TrendKind, string> = { actor: 'USA, KOR', dyad: 'PRK-KOR, USA-CHN', type: 'ACCUSE, REJECT', keyword: 'talks, summit' };

/** The subject the query names (the first of actor, dyad, type, keyword that is set). */
export function subjectOf(query: Query): { kind: TrendKind; value: string } | null {
  for (const kind of TREND_KINDS) if (query[kind]) return { kind, value: query[kind] };
  return null;
}

type SetQuery = (next: Partial<Query>, opts?: { push?: boolean }) => void;

export function TrendsForm({ query, setQuery }: { query: Query; setQuery: SetQuery }) {
  const subject = subjectOf(query);
  const [kind, setKind] = useState<TrendKind>(subject?.kind ?? 'actor');
  const [value, setValue] = useState(subject?.value ?? '');
  const [compare, setCompare] = useState(query.compare ?? '');

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const cleared = Object.fromEntries(TREND_KINDS.map((k) => [k, ''])) as Partial<Query>;
    setQuery({ ...cleared, [kind]: value.trim(), compare: compare.trim() }, { push: true });
  };

  return (
    <form className="filters trends-form" role="search" aria-label="Trend subject and range" onSubmit={apply}>
      <label>
        Follow{' '}
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as TrendKind)}>
          {TREND_KINDS.map((k) => (
            <option key={k} value={k}>
              {VALUE_LABEL[k].toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <label>
        {VALUE_LABEL[kind]} <input name="value" value={value} required onChange={(e) => setValue(e.target.value)} placeholder={PLACEHOLDER[kind]} />
      </label>
      <label>
        Compare with <input name="compare" value={compare} onChange={(e) => setCompare(e.target.value)} placeholder={COMPARE_HINT[kind]} />
      </label>
      <button type="submit">Show</button>
      <label>
        Per{' '}
        <select name="by" value={query.by === 'day' ? 'day' : 'week'} onChange={(e) => setQuery({ by: e.target.value })}>
          <option value="week">week</option>
          <option value="day">day</option>
        </select>
      </label>
      <DateRangeFields query={query} setQuery={setQuery} />
    </form>
  );
}
