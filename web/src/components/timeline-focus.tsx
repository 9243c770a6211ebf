// Going to one event (focus=ev42 in the URL, from a response arrow or another screen): find it
// among the loaded rows, load further pages until its day is reached, or, when the filters
// leave it out, show it here with a link that widens the filters just enough. A followed
// response link (link=ev105-ev102) shows its evidence: the sentence and the article it is in.
import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { TimelineEvent } from '../api/types';
import type { Query } from '../lib/query-state';
import { evidenceHref, parseLink, timelineHref, typeMatches, useEventById, type TimelineEventMaybeDetail, type TimelinePages } from './timeline-data';

/** How many events the screen reads, at most, looking for a focused one further down. */
const MAX_SEARCH = 5000;

export type FocusState =
  | { kind: 'none' | 'shown' | 'searching' }
  | { kind: 'missing'; error: Error }
  | { kind: 'outside'; event: TimelineEventMaybeDetail; reasons: string[]; widen: Partial<Query> };

function outside(event: TimelineEventMaybeDetail, query: Query, exhausted: boolean): FocusState {
  const reasons: string[] = [];
  const widen: Partial<Query> = {};
  if (query.since && event.sortDate < query.since) {
    reasons.push(`it is dated ${event.sortDate}, before ${query.since}`);
    widen.since = event.sortDate;
  }
  if (query.until && event.sortDate > query.until) {
    reasons.push(`it is dated ${event.sortDate}, after ${query.until}`);
    widen.until = event.sortDate;
  }
  if (!typeMatches(event, query.type)) {
    reasons.push(`it is ${event.type}, not ${(query.type ?? '').split(',').join(' or ')}`);
    widen.type = '';
  }
  if (reasons.length === 0 && (query.actor || query.dyad)) {
    reasons.push('its actors are not the ones filtered on');
    Object.assign(widen, { actor: '', dyad: '', directed: '' });
  }
  if (reasons.length === 0 && exhausted) {
    reasons.push(`it lies beyond the first ${MAX_SEARCH} events`);
    widen.since = event.sortDate;
  }
  return { kind: 'outside', event, reasons, widen };
}

/** Where the focused event is: in the list, further down (pages are read until its day), or outside the filters. */
export function useFocusTarget(focus: string | null, pages: TimelinePages, query: Query): FocusState {
  const loaded = !!focus && pages.items.some((e) => e.id === focus);
  const { event, error } = useEventById(loaded ? null : focus, pages.items);
  const last = pages.items[pages.items.length - 1];
  const reachable = !loaded && !!event && typeMatches(event, query.type) && !!pages.nextCursor && (!last || last.sortDate <= event.sortDate) && pages.items.length < MAX_SEARCH;
  const searchMore = reachable && !pages.loading && !pages.error;

  useEffect(() => {
    if (searchMore && !pages.loadingMore) pages.loadMore();
  }, [searchMore, pages.loadingMore, pages.items.length, pages.loadMore]);

  if (!focus) return { kind: 'none' };
  if (loaded) return { kind: 'shown' };
  if (pages.loading) return { kind: 'searching' };
  if (error) return { kind: 'missing', error };
  if (!event || searchMore) return { kind: 'searching' };
  return outside(event, query, pages.items.length >= MAX_SEARCH);
}

/** A focused event the filters leave out, shown on its own with the way back into the list. */
export function OutsideFocus({ state, query, render }: { state: Extract<FocusState, { kind: 'outside' }>; query: Query; render: (e: TimelineEventMaybeDetail) => ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.querySelector<HTMLElement>('[data-event-id]')?.focus(), [state.event.id]);
  return (
    <section className="card tl-outside" aria-label={`${state.event.id}, outside this view`} ref={box}>
      <p>
        <strong>{state.event.id} is not in this list</strong>: {state.reasons.join('; ')}.{' '}
        <Link href={timelineHref({ ...query, ...state.widen })}>Show it in the timeline</Link>
      </p>
      {render(state.event)}
    </section>
  );
}

function summary(e: TimelineEvent): string {
  const who = (a: TimelineEvent['source']) => a.country ?? a.name ?? '?';
  return `${who(e.source)} → ${who(e.target)} ${e.type}, ${e.date ?? e.sortDate}`;
}

/** The evidence of a followed response link: which rule linked the two events, and the sentence. */
export function LinkEvidence({ query, items }: { query: Query; items: TimelineEvent[] }) {
  const link = parseLink(query.link);
  const { event: answering, error } = useEventById(link?.from ?? null, items);
  const { event: answered } = useEventById(link?.to ?? null, items);
  if (!link) return null;
  const close = timelineHref({ ...query, link: '' });
  const response = answering?.responses.find((r) => r.id === link.to);
  return (
    <section className="card tl-link" aria-label="Response link" aria-live="polite">
      <p className="tl-link-head">
        <Link href={timelineHref({ ...query, focus: link.from })}>{link.from}</Link>
        {answering ? <span className="muted">({summary(answering)})</span> : null} answers <Link href={timelineHref({ ...query, focus: link.to })}>{link.to}</Link>
        {answered ? <span className="muted">({summary(answered)})</span> : null}
        {response ? (
          <span className="muted">
            {' '}
            — rule {response.rule}, confidence {response.confidence}
            {response.cue ? `, cue “${response.cue}”` : ''}
          </span>
        ) : null}
        <Link href={close} className="tl-close" aria-label="Close the response link">
          ×
        </Link>
      </p>
      {response ? (
        <>
          <blockquote className="tl-sentence">{response.sentence}</blockquote>
          <Link href={evidenceHref(response.articleId, response.sentence)}>Open the evidence in the article</Link>
        </>
      ) : error ? (
        <p className="muted">Could not load {link.from}: {error.message}</p>
      ) : answering ? (
        <p className="muted">
          {link.from} has no response link to {link.to}.
        </p>
      ) : (
        <p className="muted">Loading the link…</p>
      )}
    </section>
  );
}
