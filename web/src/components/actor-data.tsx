// What the actor page loads: the registry entry (by id, name or bare ISO3 code) and the
// actor's merged events, page by page, plus how to tell which side of an event is the actor.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiFailure } from '../api/client';
import type { Page, TimelineActor, TimelineEvent } from '../api/types';
import type { Actor } from '../../../src/registry/types';

export type { Actor };

export interface ActorDetail {
  actor: Actor;
  mergedFrom: string | null;
  parent: Actor | null;
  children: string[];
  people: string[];
}

export type ActorLookup = { found: true; detail: ActorDetail } | { found: false };

/**
 * The registry entry an id, a name or a bare ISO3 code stands for. A search (GET /actors?q=)
 * comes first, so an unknown id is told without a failed request; the exact hit's detail
 * (GET /actors/{id}: parent, children, people) follows. Near misses go to the server's own
 * name matching.
 */
async function lookupActor(id: string, signal: AbortSignal): Promise<ActorLookup> {
  const detail = async (ref: string): Promise<ActorLookup> => ({ found: true, detail: await api.get<ActorDetail>(`/actors/${encodeURIComponent(ref)}`, {}, signal) });
  if (!id.trim() || id.length > 200) return { found: false };
  const hits = (await api.get<Page<Actor>>('/actors', { q: id, limit: 500 }, signal)).items;
  const code = /^[A-Za-z]{3}$/.test(id) ? id.toUpperCase() : null;
  const want = id.trim().toLowerCase();
  const named = hits.filter((a) => [a.name, ...a.aliases].some((n) => n.toLowerCase() === want));
  const pick = hits.find((a) => a.id === id) ?? hits.find((a) => code !== null && a.type === 'country' && a.country === code) ?? (named.length === 1 ? named[0] : undefined);
  if (pick) return detail(pick.id);
  if (!hits.length) return { found: false };
  try {
    return await detail(id);
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 404) return { found: false };
    throw err;
  }
}

export function useActorLookup(id: string) {
  const [state, setState] = useState<{ id: string; data: ActorLookup | null; error: Error | null } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    lookupActor(id, ctrl.signal).then(
      (data) => setState({ id, data, error: null }),
      (error: Error) => error.name !== 'AbortError' && setState({ id, data: null, error }),
    );
    return () => ctrl.abort();
  }, [id, version]);
  const current = state?.id === id ? state : null;
  return { data: current?.data ?? null, error: current?.error ?? null, loading: !current, reload: useCallback(() => setVersion((v) => v + 1), []) };
}

/** Whether one side of an event is this actor, as the server's actor filter decides (src/store/events.ts sideMatches). */
export function sideMatcher(detail: ActorDetail): (side: TimelineActor) => boolean {
  const { actor } = detail;
  const ids = new Set([actor.id, ...(detail.mergedFrom ? [detail.mergedFrom] : [])]);
  const name = actor.name.toLowerCase();
  const country = actor.type === 'country' ? actor.country : null;
  return (s) =>
    (s.entityId !== null && ids.has(s.entityId)) || (s.institution !== null && ids.has(s.institution)) || (country !== null && s.country === country) || (s.name !== null && s.name.toLowerCase() === name);
}

/** Events loaded without asking; past this the user loads more (the list is date order, oldest first). */
export const AUTO_EVENTS = 2000;
const PAGE = 500;

interface EventsState {
  key: string;
  items: TimelineEvent[];
  next: string | null;
  done: boolean;
  error: Error | null;
}

/** The actor's events in a day range, read page by page up to AUTO_EVENTS, then on request. */
export function useActorEvents(actorId: string | null, since: string | undefined, until: string | undefined) {
  const key = actorId === null ? null : JSON.stringify([actorId, since, until]);
  const [state, setState] = useState<EventsState | null>(null);
  const [want, setWant] = useState(AUTO_EVENTS);
  const [version, setVersion] = useState(0);
  useEffect(() => setWant(AUTO_EVENTS), [key]);
  useEffect(() => {
    if (key === null || actorId === null) return;
    const ctrl = new AbortController();
    let items: TimelineEvent[] = state?.key === key && !state.error ? state.items : [];
    let next: string | null = state?.key === key ? state.next : null;
    if (state?.key === key && (state.done || items.length >= want) && !state.error) return;
    void (async () => {
      try {
        do {
          const page = await api.get<Page<TimelineEvent>>('/timeline', { actor: actorId, since, until, limit: PAGE, cursor: next ?? undefined }, ctrl.signal);
          items = [...items, ...page.items];
          next = page.nextCursor;
          setState({ key, items, next, done: next === null, error: null });
        } while (next !== null && items.length < want);
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setState({ key, items, next, done: false, error: error as Error });
      }
    })();
    return () => ctrl.abort();
    // state is read only to resume; key, want and version decide when to load.
  }, [key, want, version]);
  const current = state?.key === key ? state : null;
  return {
    items: current?.items ?? [],
    done: current?.done ?? false,
    loading: key !== null && (!current || (!current.done && !current.error && current.items.length < want)),
    error: current?.error ?? null,
    loadMore: useCallback(() => setWant((w) => w + PAGE), []),
    reload: useCallback(() => setVersion((v) => v + 1), []),
  };
}

/** The day from which about `budget` of the newest events fall in range, from trend buckets (null: all fit). */
export function recentSince(buckets: { bucket: string; events: number }[], budget: number): string | null {
  let total = 0;
  for (let i = buckets.length - 1; i >= 0; i--) {
    const b = buckets[i]!;
    if (total + b.events > budget && total > 0) return buckets[i + 1]!.bucket;
    total += b.events;
    if (total > budget) return b.bucket;
  }
  return null;
}

/** The first report of an event as an evidence link target: the article screen highlights the sentence. */
export function evidenceHref(report: { articleId: number; sentence: string }): string {
  return `/articles/${report.articleId}?evidence=${encodeURIComponent(report.sentence)}`;
}
