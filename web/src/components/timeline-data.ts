// Data behind the Timeline screen: pages of merged events read with nextCursor as the user
// scrolls (the API applies every filter, type included), single events fetched by id with
// GET /events/{id} (a focused event that is not loaded), the reverse of response links
// ("answered by"), and the URLs the screen links to.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, type Params } from '../api/client';
import type { Page, TimelineEvent } from '../api/types';
import type { EventType } from '../../../src/analyze/types';
import type { TimelineEventDetailJson } from '../../../src/events/timeline';

export const PAGE_SIZE = 100;

/** The PLOVER types the analyser emits; the check below fails the build if the server's list changes. */
export const EVENT_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'STATEMENT'] as const satisfies readonly EventType[];
const everyTypeListed: Exclude<EventType, (typeof EVENT_TYPES)[number]> extends never ? true : never = true;
void everyTypeListed;

/** "/timeline?dyad=PRK-USA&focus=ev4" from query values (empty ones dropped). */
export function timelineHref(q: Record<string, string | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) s.set(k, v);
  const text = s.toString();
  return text ? `/timeline?${text}` : '/timeline';
}

/** The Article screen scrolls to and highlights the evidence sentence given here. */
export function evidenceHref(articleId: number, sentence: string): string {
  return `/articles/${articleId}?evidence=${encodeURIComponent(sentence)}`;
}

/** "ev105-ev102": ev105 answers ev102 (the response link being followed, kept in the URL). */
export function parseLink(link: string | undefined): { from: string; to: string } | null {
  const m = /^(ev\d+)-(ev\d+)$/.exec(link ?? '');
  return m ? { from: m[1]!, to: m[2]! } : null;
}

export interface TimelinePages {
  items: TimelineEvent[];
  nextCursor: string | null;
  error: Error | null;
  /** The first page is on its way. */
  loading: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

interface PagesState {
  key: string;
  items: TimelineEvent[];
  nextCursor: string | null;
  error: Error | null;
  done: boolean;
}

/** Pages of GET /timeline for these params; loadMore() appends the next page, once at a time. */
export function useTimelinePages(params: Params): TimelinePages {
  const key = JSON.stringify(params);
  const [state, setState] = useState<PagesState>({ key: '', items: [], nextCursor: null, error: null, done: false });
  const [version, setVersion] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const busy = useRef(false);
  const currentKey = useRef(key);
  currentKey.current = key;

  useEffect(() => {
    const ctrl = new AbortController();
    busy.current = false;
    setLoadingMore(false);
    api.get<Page<TimelineEvent>>('/timeline', { ...params, limit: PAGE_SIZE }, ctrl.signal).then(
      (page) => setState({ key, items: page.items, nextCursor: page.nextCursor, error: null, done: true }),
      (error: Error) => error.name !== 'AbortError' && setState({ key, items: [], nextCursor: null, error, done: true }),
    );
    return () => ctrl.abort();
    // key stands for params.
  }, [key, version]);

  const current = state.key === key;
  const cursor = current ? state.nextCursor : null;
  const loadMore = useCallback(() => {
    if (busy.current || !cursor) return;
    busy.current = true;
    setLoadingMore(true);
    const asked = key;
    api.get<Page<TimelineEvent>>('/timeline', { ...(JSON.parse(asked) as Params), limit: PAGE_SIZE, cursor }).then(
      (page) => {
        if (currentKey.current !== asked) return;
        setState((s) => ({ ...s, items: [...s.items, ...page.items], nextCursor: page.nextCursor, error: null }));
        busy.current = false;
        setLoadingMore(false);
      },
      (error: Error) => {
        if (currentKey.current !== asked) return;
        setState((s) => ({ ...s, error }));
        busy.current = false;
        setLoadingMore(false);
      },
    );
  }, [key, cursor]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    items: current ? state.items : [],
    nextCursor: cursor,
    error: current ? state.error : null,
    loading: !current || !state.done,
    loadingMore,
    loadMore,
    reload,
  };
}

/** A timeline event, with answeredBy when it came from GET /events/{id} (every event that answers it). */
export type TimelineEventMaybeDetail = TimelineEvent & Partial<Pick<TimelineEventDetailJson, 'answeredBy'>>;

/** One merged event by id: from the loaded ones, else from GET /events/{id}. */
export function useEventById(ref: string | null, loaded: TimelineEvent[]): { event: TimelineEventMaybeDetail | null; error: Error | null; loading: boolean } {
  const local = useMemo(() => (ref ? (loaded.find((e) => e.id === ref) ?? null) : null), [ref, loaded]);
  const [fetched, setFetched] = useState<{ ref: string; event: TimelineEventDetailJson | null; error: Error | null } | null>(null);
  const need = ref !== null && local === null;
  useEffect(() => {
    if (!need || !ref) return;
    const ctrl = new AbortController();
    api.get<TimelineEventDetailJson>(`/events/${encodeURIComponent(ref)}`, {}, ctrl.signal).then(
      (event) => setFetched({ ref, event, error: null }),
      (error: Error) => error.name !== 'AbortError' && setFetched({ ref, event: null, error }),
    );
    return () => ctrl.abort();
  }, [need, ref]);
  if (!ref) return { event: null, error: null, loading: false };
  if (local) return { event: local, error: null, loading: false };
  const mine = fetched?.ref === ref ? fetched : null;
  return { event: mine?.event ?? null, error: mine?.error ?? null, loading: mine === null };
}

export interface Answer {
  id: string;
  rule: string;
  confidence: number;
}

/** For each event, the loaded events that answer it (the reverse of `responses`). */
export function answeredBy(items: TimelineEvent[]): Map<string, Answer[]> {
  const out = new Map<string, Answer[]>();
  for (const e of items) {
    for (const r of e.responses) {
      const list = out.get(r.id) ?? [];
      list.push({ id: e.id, rule: r.rule, confidence: r.confidence });
      out.set(r.id, list);
    }
  }
  return out;
}

/** The answers of an event: all of them when it was fetched on its own, else those among the loaded events. */
export function answersOf(e: TimelineEventMaybeDetail, loaded: Map<string, Answer[]>): Answer[] {
  return e.answeredBy?.map((a) => ({ id: a.id, rule: a.rule, confidence: a.confidence })) ?? loaded.get(e.id) ?? [];
}

/** Whether an event is of one of the types of a `type` filter ("THREATEN" or "THREATEN,SANCTION"). */
export function typeMatches(e: TimelineEvent, type: string | undefined): boolean {
  return !type || type.toUpperCase().split(',').map((t) => t.trim()).includes(e.type);
}
