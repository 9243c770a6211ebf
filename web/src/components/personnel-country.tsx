// The country filter of the Personnel screen. The personnel API filters by institution and
// person only, so a country is turned into the registry actors it places there (GET
// /actors?country=, every page) and posts are kept when their institution or their holder is
// one of them. People and institutions only named in articles have no country: they drop out.
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Page } from '../api/types';

export interface CountryActors {
  ids: Set<string> | null;
  loading: boolean;
  error: Error | null;
}

const CODE = /^[A-Za-z]{2,3}$/;

export function useCountryActors(country: string | undefined): CountryActors {
  const code = country?.trim() ?? '';
  const [state, setState] = useState<{ code: string; ids: Set<string> | null; error: Error | null }>({ code: '', ids: null, error: null });
  useEffect(() => {
    if (!code || !CODE.test(code)) return;
    const ctrl = new AbortController();
    (async () => {
      const ids = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await api.get<Page<{ id: string }>>('/actors', { country: code, limit: 500, cursor }, ctrl.signal);
        for (const a of page.items) ids.add(a.id);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      setState({ code, ids, error: null });
    })().catch((error: Error) => {
      if (error.name !== 'AbortError') setState({ code, ids: null, error });
    });
    return () => ctrl.abort();
  }, [code]);
  if (!code) return { ids: null, loading: false, error: null };
  // A code that cannot be a country is refused here, without asking the server.
  if (!CODE.test(code)) return { ids: null, loading: false, error: new Error(`country: "${code}" is not an ISO 3166-1 code (PRK, USA, KR …)`) };
  const current = state.code === code;
  return { ids: current ? state.ids : null, loading: !current, error: current ? state.error : null };
}
