// Timeline: merged real-world events in date order (GET /timeline with every filter, further
// pages as the list scrolls), each with its reports and evidence, and the response links between
// events as arrows to follow. The overview chart counts the same filter's events per day
// (GET /timeline/counts). Filters (actor, dyad, direction, type, dates), the focused event and
// the followed link all live in the URL, so any view can be shared or reloaded as it is.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { Empty, Failure, Loading } from '../components/states';
import { useDayCounts } from '../components/timeline-counts';
import { answeredBy, answersOf, timelineHref, useTimelinePages, type TimelineEventMaybeDetail } from '../components/timeline-data';
import { TimelineFilters } from '../components/timeline-filters';
import { LinkEvidence, OutsideFocus, useFocusTarget } from '../components/timeline-focus';
import { TimelineOverview } from '../components/timeline-overview';
import { TimelineRow } from '../components/timeline-row';
import { VirtualList } from '../components/virtual-list';
import { useQueryState, type Query } from '../lib/query-state';
import './timeline.css';

/** The query without the focus and link, for links that keep the filters. */
function filtersOf(q: Query): Query {
  const { focus: _f, link: _l, ...rest } = q;
  return rest;
}

/** "100 of 240 events between PRK and USA; more load as you scroll." for the status line. */
function statusLine(q: Query, loaded: number, total: number | null, more: boolean): string {
  const types = q.type ? q.type.split(',').join(', ') : '';
  const scope = [q.dyad ? `between ${q.dyad.replace(/[-,]/, q.directed === 'true' ? ' → ' : ' and ')}` : '', q.actor ? `involving ${q.actor}` : '', types ? `of type ${types}` : '', q.since ? `from ${q.since}` : '', q.until ? `to ${q.until}` : ''].filter(Boolean).join(', ');
  const of = more && total !== null && total > loaded ? total : loaded;
  const count = `${more && of > loaded ? `${loaded} of ` : ''}${of} event${of === 1 ? '' : 's'}`;
  return `${count}${scope ? ` ${scope}` : ''}${more ? '; more load as you scroll' : ''}.`;
}

export function Timeline() {
  const [query, setQuery] = useQueryState();
  const params = useMemo(
    () => ({ actor: query.actor, dyad: query.dyad, directed: query.dyad && query.directed === 'true' ? 'true' : undefined, type: query.type, since: query.since, until: query.until }),
    [query.actor, query.dyad, query.directed, query.type, query.since, query.until],
  );
  const pages = useTimelinePages(params);
  const answers = useMemo(() => answeredBy(pages.items), [pages.items]);
  const focus = query.focus ?? null;
  const focusState = useFocusTarget(focus, pages, query);
  const counts = useDayCounts(query);

  // Rows opened by the user; the focused event opens by itself so its evidence is in view.
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(focus ? [focus] : []));
  useEffect(() => {
    if (focus) setExpanded((s) => (s.has(focus) ? s : new Set(s).add(focus)));
  }, [focus]);
  const toggle = useCallback((id: string) => setExpanded((s) => (s.delete(id) ? new Set(s) : new Set(s).add(id))), []);

  const filters = filtersOf(query);
  const render = (e: TimelineEventMaybeDetail) => <TimelineRow e={e} links={{ query: filters, answeredBy: answersOf(e, answers) }} expanded={expanded.has(e.id)} onToggle={() => toggle(e.id)} focused={e.id === focus} />;
  const [a, b] = (query.dyad ?? '').toUpperCase().split(/[-,]/);
  const setRange = useCallback((since: string, until: string) => setQuery({ since, until, focus: '', link: '' }, { push: true }), [setQuery]);

  return (
    <section aria-labelledby="tl-title" className="tl">
      <h1 id="tl-title">Timeline</h1>
      <TimelineFilters query={query} set={setQuery} />
      {counts.days.length ? <TimelineOverview days={counts.days} counts={counts.counts} since={query.since} until={query.until} onRange={setRange} caption={counts.caption} linkFor={(d) => timelineHref({ ...filters, since: d, until: d })} /> : null}
      <p className="tl-status" role="status">
        {pages.loading ? null : statusLine(query, pages.items.length, counts.total, !!pages.nextCursor)}{' '}
        {query.since || query.until ? <Link href={timelineHref({ ...query, since: '', until: '' })}>All dates</Link> : null}{' '}
        {a && b && /^[A-Z]{3}$/.test(a) && /^[A-Z]{3}$/.test(b) ? <Link href={`/dyad?a=${a}&b=${b}`}>Dyad view of {a} and {b}</Link> : null}
      </p>
      <LinkEvidence query={query} items={pages.items} />
      {focusState.kind === 'searching' && !pages.loading ? (
        <p className="muted" role="status">
          Looking for {focus} further down the timeline…
        </p>
      ) : null}
      {focusState.kind === 'missing' ? (
        <p className="state error" role="alert">
          No event {focus}: {focusState.error.message}
        </p>
      ) : null}
      {focusState.kind === 'outside' ? <OutsideFocus state={focusState} query={query} render={render} /> : null}
      {pages.error && pages.items.length === 0 ? (
        <Failure error={pages.error} retry={pages.reload} />
      ) : pages.loading ? (
        <Loading what="the timeline" />
      ) : pages.items.length === 0 ? (
        <Empty>
          {Object.keys(filters).length === 0 ? (
            'No events stored yet. Events appear here once articles are analysed (`readout ingest`, `readout watch`).'
          ) : (
            <>
              No events match these filters. <Link href="/timeline">Show all events</Link>
            </>
          )}
        </Empty>
      ) : (
        <VirtualList
          items={pages.items}
          keyOf={(e) => e.id}
          render={render}
          label="Events"
          estimate={110}
          className="tl-list"
          scrollToKey={focus}
          scrollRequest={`${focus ?? ''}|${query.link ?? ''}`}
          // After a failed page, only the retry button asks again (no request per render).
          onEnd={pages.nextCursor && !pages.error ? pages.loadMore : undefined}
          busy={pages.loadingMore}
        />
      )}
      {pages.error && pages.items.length > 0 ? <Failure error={pages.error} retry={pages.loadMore} /> : null}
      {pages.nextCursor && !pages.loading ? (
        <p className="tl-more">
          <button type="button" className="secondary" onClick={pages.loadMore} disabled={pages.loadingMore}>
            {pages.loadingMore ? 'Loading…' : 'Load more events'}
          </button>
        </p>
      ) : null}
    </section>
  );
}
