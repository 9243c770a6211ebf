// Pages of a cursor-paged list (GET /search): the first page loads when the params change
// (stale answers are aborted), later pages append when the list asks for more (nextCursor).
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Params } from '../api/client';
import type { Page } from '../api/types';

export interface Pages<T> {
  items: T[];
  /** The first page is loading. */
  loading: boolean;
  /** A later page is loading. */
  loadingMore: boolean;
  error: Error | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

interface State<T> {
  key: string;
  items: T[];
  cursor: string | null;
  done: boolean;
  error: Error | null;
}

export function usePages<T>(path: string, params: Params, pageSize = 50): Pages<T> {
  const key = JSON.stringify([path, params, pageSize]);
  const [state, setState] = useState<State<T> | null>(null);
  const [version, setVersion] = useState(0);
  const [moreLoading, setMoreLoading] = useState(false);
  const busy = useRef<string | null>(null);
  const ctrl = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    (cursor: string | null) => {
      const tag = `${key}|${cursor ?? ''}`;
      if (busy.current === tag) return;
      busy.current = tag;
      if (!cursor) ctrl.current?.abort();
      const c = cursor ? (ctrl.current ?? new AbortController()) : new AbortController();
      ctrl.current = c;
      setMoreLoading(!!cursor);
      api.get<Page<T>>(path, { ...params, limit: pageSize, cursor: cursor ?? undefined }, c.signal).then(
        (page) => {
          busy.current = null;
          setMoreLoading(false);
          setState((cur) => ({ key, items: cursor && cur?.key === key ? [...cur.items, ...page.items] : page.items, cursor: page.nextCursor, done: true, error: null }));
        },
        (error: Error) => {
          if (error.name === 'AbortError') return;
          busy.current = null;
          setMoreLoading(false);
          setState((cur) => (cursor && cur?.key === key ? { ...cur, error } : { key, items: [], cursor: null, done: true, error }));
        },
      );
    },
    // key stands for path, params and pageSize.
    [key],
  );

  useEffect(() => {
    busy.current = null;
    fetchPage(null);
    return () => ctrl.current?.abort();
  }, [fetchPage, version]);

  const current = state?.key === key ? state : null;
  const loadMore = useCallback(() => {
    if (current?.cursor && !current.error) fetchPage(current.cursor);
  }, [current, fetchPage]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    items: current?.items ?? [],
    loading: !current,
    loadingMore: !!current && moreLoading,
    error: current?.error ?? null,
    hasMore: !!current?.cursor,
    loadMore,
    reload,
  };
}
