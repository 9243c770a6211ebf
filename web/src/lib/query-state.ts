// Filters live in the query string, so every view's URL can be shared or bookmarked:
// useQueryState() reads them and set() replaces them (dropping empty values).
import { useCallback, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';

export type Query = Record<string, string>;

export function useQueryState(): [Query, (next: Partial<Query>, opts?: { push?: boolean }) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const query = useMemo(() => Object.fromEntries(new URLSearchParams(search)) as Query, [search]);
  const set = useCallback(
    (next: Partial<Query>, opts: { push?: boolean } = {}) => {
      const merged = new URLSearchParams();
      for (const [k, v] of Object.entries({ ...query, ...next })) if (v !== undefined && v !== '') merged.set(k, v);
      const s = merged.toString();
      navigate(s ? `${location}?${s}` : location, { replace: !opts.push });
    },
    [query, location, navigate],
  );
  return [query, set];
}
