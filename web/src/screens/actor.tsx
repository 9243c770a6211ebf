// Actor page (/actors/:id, id a registry id like "country:PRK", a name, or a bare ISO3 code):
// who the actor is, its posts over time, what it said, what it did and what was done to it,
// its counterparts, its tone over time, and precedents for its recent moves. The day range,
// bucket size and the event picked for precedents live in the query string.
import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'wouter';
import { useApi } from '../lib/use-api';
import { useQueryState } from '../lib/query-state';
import { DateRangeFields } from '../components/date-range-fields';
import { recentSince, sideMatcher, useActorEvents, useActorLookup, type ActorDetail } from '../components/actor-data';
import { EventList, Statements } from '../components/actor-events';
import { ActorHeader } from '../components/actor-header';
import { counterparts, CounterpartNetwork } from '../components/actor-network';
import { ActorPrecedents } from '../components/actor-precedents';
import { ActorRoles } from '../components/actor-roles';
import { ActorTone } from '../components/actor-tone';
import type { TrendReport } from '../components/trends-data';
import { Empty, Failure, Loaded, Loading } from '../components/states';
import './actor.css';

/** Newest events read by default; older ones when the user sets an earlier From day. */
const EVENT_BUDGET = 1000;

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function ActorPage() {
  const params = useParams<{ id: string }>();
  const id = decodeParam(params.id ?? '');
  const lookup = useActorLookup(id);
  if (lookup.error) return <Failure error={lookup.error} retry={lookup.reload} />;
  if (lookup.loading || !lookup.data) return <Loading what={`actor ${id}`} />;
  if (!lookup.data.found)
    return (
      <section aria-labelledby="actor-title">
        <h1 id="actor-title">Actor not found</h1>
        <Empty>
          <p>
            The registry has no actor <code>{id}</code>. Actor pages take a registry id (<code>country:PRK</code>, <code>org:prk-mfa</code>), an ISO3 country code or an actor&apos;s exact name.
          </p>
          <p>
            <Link href={`/timeline?actor=${encodeURIComponent(id)}`}>Look for “{id}” in the timeline</Link> or <Link href={`/search?q=${encodeURIComponent(id)}`}>search the articles</Link>.
          </p>
        </Empty>
      </section>
    );
  return <ActorView key={lookup.data.detail.actor.id} detail={lookup.data.detail} />;
}

function ActorView({ detail }: { detail: ActorDetail }) {
  const { actor } = detail;
  const [query, setQuery] = useQueryState();
  const by = query.by === 'day' ? 'day' : 'week';
  // Sizes the default range: weekly event counts tell from when the newest EVENT_BUDGET events run.
  const sizing = useApi<TrendReport>(query.since ? null : '/trends', { actor: actor.id, by: 'week', until: query.until });
  const ownTrend = by === 'week' && !query.since;
  const chartOwn = useApi<TrendReport>(ownTrend ? null : '/trends', { actor: actor.id, by, since: query.since, until: query.until });
  const trend = ownTrend ? sizing : chartOwn;
  const autoSince = !query.since && sizing.data ? recentSince(sizing.data.buckets, EVENT_BUDGET) : null;
  const waiting = !query.since && sizing.loading;
  const since = query.since ?? autoSince ?? undefined;
  const events = useActorEvents(waiting ? null : actor.id, since, query.until);

  const isActor = useMemo(() => sideMatcher(detail), [detail]);
  const newest = useMemo(() => [...events.items].reverse(), [events.items]);
  const asSource = useMemo(() => newest.filter((e) => isActor(e.source)), [newest, isActor]);
  const asTarget = useMemo(() => newest.filter((e) => isActor(e.target)), [newest, isActor]);
  const statements = useMemo(() => asSource.filter((e) => e.type === 'STATEMENT' || e.quote), [asSource]);
  const network = useMemo(() => counterparts(events.items, isActor), [events.items, isActor]);
  const pickPrecedents = useCallback(
    (event: string) => {
      setQuery({ event });
      document.getElementById('actor-precedents')?.scrollIntoView({ block: 'start' });
    },
    [setQuery],
  );

  return (
    <article className="actor-page" aria-labelledby="actor-title">
      <ActorHeader detail={detail} />
      <form className="filters" aria-label="Range" onSubmit={(e) => e.preventDefault()}>
        <DateRangeFields query={query} setQuery={setQuery} />
        <label>
          Per{' '}
          <select name="by" value={by} onChange={(e) => setQuery({ by: e.target.value })}>
            <option value="week">week</option>
            <option value="day">day</option>
          </select>
        </label>
      </form>
      {autoSince && sizing.data ? (
        <p className="muted range-note">
          Events since {autoSince} (the newest ~{EVENT_BUDGET}).{' '}
          <button type="button" className="secondary small" onClick={() => setQuery({ since: sizing.data!.buckets[0]?.bucket ?? '' })}>
            Show all events
          </button>
        </p>
      ) : null}

      <ActorRoles actor={actor} />

      <section className="card" aria-labelledby="actor-tone-title">
        <h2 id="actor-tone-title">Tone and attention over time</h2>
        <Loaded state={trend} what="the trend">
          {(t) => <ActorTone trend={t} name={actor.name} actorId={actor.id} />}
        </Loaded>
      </section>

      {events.error ? <Failure error={events.error} retry={events.reload} /> : null}
      {events.loading && !events.items.length ? <Loading what={`events of ${actor.name}`} /> : null}
      {events.done && !events.items.length ? (
        <Empty>
          No events involving {actor.name} {query.since || query.until ? 'in this range' : 'are stored yet'}: counterparts, statements and precedents appear here once articles report some.
        </Empty>
      ) : null}
      {events.items.length ? (
        <>
          <section className="card" aria-labelledby="actor-network-title">
            <h2 id="actor-network-title">Counterparts</h2>
            <CounterpartNetwork name={actor.name} list={network} />
          </section>
          <section className="card" aria-labelledby="actor-statements-title">
            <h2 id="actor-statements-title">Statements and quotes ({statements.length})</h2>
            <Statements events={statements} name={actor.name} />
          </section>
          <div className="grid2 actor-lists">
            <section className="card" aria-labelledby="actor-source-title">
              <h2 id="actor-source-title">As source: what {actor.name} did ({asSource.length})</h2>
              <EventList label={`Events with ${actor.name} as source`} events={asSource} empty={`No events with ${actor.name} as source in this range.`} onPrecedents={pickPrecedents} />
            </section>
            <section className="card" aria-labelledby="actor-target-title">
              <h2 id="actor-target-title">As target: what was done to {actor.name} ({asTarget.length})</h2>
              <EventList label={`Events with ${actor.name} as target`} events={asTarget} empty={`No events with ${actor.name} as target in this range.`} onPrecedents={pickPrecedents} />
            </section>
          </div>
          {events.loading ? <Loading what="more events" /> : null}
          {!events.done && !events.loading && !events.error ? (
            <p className="muted">
              {events.items.length} events loaded; more in this range.{' '}
              <button type="button" className="secondary small" onClick={events.loadMore}>
                Load more events
              </button>
            </p>
          ) : null}
          <section className="card" id="actor-precedents" aria-labelledby="actor-precedents-title">
            <h2 id="actor-precedents-title">Precedents</h2>
            <p className="muted">Pick one of {actor.name}&apos;s events: earlier events most like it, and what followed each.</p>
            <ActorPrecedents events={newest} selected={query.event ?? null} onSelect={(event) => setQuery({ event })} />
          </section>
        </>
      ) : null}
    </article>
  );
}
