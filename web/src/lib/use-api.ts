// Loading one API resource for a screen: {data, error, loading}, re-fetched when the path or
// params change (stale answers are aborted), and reload() after a change.
import { useCallback, useEffect, useState } from 'react';
import { api, type Params } from '../api/client';

export interface ApiState<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

export function useApi<T>(path: string | null, params: Params = {}): ApiState<T> {
  const key = path === null ? null : JSON.stringify([path, params]);
  const [state, setState] = useState<{ key: string | null; data: T | null; error: Error | null }>({ key: null, data: null, error: null });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (key === null || path === null) return;
    const ctrl = new AbortController();
    api.get<T>(path, params, ctrl.signal).then(
      (data) => setState({ key, data, error: null }),
      (error: Error) => {
        if (error.name !== 'AbortError') setState({ key, data: null, error });
      },
    );
    return () => ctrl.abort();
    // key stands for path and params.
  }, [key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const current = state.key === key;
  return { data: current ? state.data : null, error: current ? state.error : null, loading: key !== null && !current, reload };
}
