// The actor's events, newest first: what it said (statements and quotes), what it did to others
// (as source) and what others did to it (as target). Long lists render only the rows in view.
// Every row links to its evidence: the article, with the reporting sentence highlighted.
import { Link } from 'wouter';
import type { TimelineEvent } from '../api/types';
import { evidenceHref } from './actor-data';
import { EventLine } from './event-line';
import { Empty } from './states';
import { VirtualList } from './virtual-list';

/** Up to three reports of an event as evidence links (outlet names), with how many more there are. */
export function EvidenceLinks({ event }: { event: Pick<TimelineEvent, 'reports'> }) {
  const shown = event.reports.slice(0, 3);
  if (!shown.length) return null;
  return (
    <span className="evidence">
      <span className="muted">Evidence: </span>
      {shown.map((r, i) => (
        <span key={`${r.articleId}-${i}`}>
          {i > 0 ? ', ' : ''}
          <Link href={evidenceHref(r)} title={r.sentence}>
            {r.source ?? `article ${r.articleId}`}
            {r.published ? ` ${r.published.slice(0, 10)}` : ''}
          </Link>
        </span>
      ))}
      {event.reports.length > shown.length ? <span className="muted"> and {event.reports.length - shown.length} more</span> : null}
    </span>
  );
}

function EventRow({ event, onPrecedents }: { event: TimelineEvent; onPrecedents: (id: string) => void }) {
  return (
    <div className="actor-event">
      <EventLine event={event} /> <span className="muted">{event.id}</span>
      {event.negated || event.modality !== 'asserted' ? <span className="tag">{[event.negated ? 'not' : '', event.modality !== 'asserted' ? event.modality : ''].filter(Boolean).join(', ')}</span> : null}
      {event.quote ? <q className="actor-quote">{event.quote}</q> : null}
      <div className="actor-event-foot">
        <EvidenceLinks event={event} />
        <button type="button" className="secondary small" onClick={() => onPrecedents(event.id)}>
          Precedents
        </button>
      </div>
    </div>
  );
}

export function EventList({ label, events, empty, onPrecedents }: { label: string; events: TimelineEvent[]; empty: string; onPrecedents: (id: string) => void }) {
  if (!events.length) return <Empty>{empty}</Empty>;
  return <VirtualList label={label} items={events} keyOf={(e) => e.id} estimate={76} render={(e) => <EventRow event={e} onPrecedents={onPrecedents} />} />;
}

function StatementRow({ event }: { event: TimelineEvent }) {
  const first = event.reports[0];
  return (
    <div className="actor-event">
      <time>{event.date ?? 'undated'}</time> <span className="etype">{event.type}</span>
      {event.target.name || event.target.country ? (
        <span className="muted">
          {' '}
          to {event.target.name ?? event.target.country}
        </span>
      ) : null}
      <blockquote className="actor-statement">{event.quote ? <q>{event.quote}</q> : first ? first.sentence : null}</blockquote>
      <EvidenceLinks event={event} />
    </div>
  );
}

/** Statements and quotes: events with the actor as source that are STATEMENTs or carry a quote. */
export function Statements({ events, name }: { events: TimelineEvent[]; name: string }) {
  if (!events.length) return <Empty>No statements or quotes by {name} in this range.</Empty>;
  return <VirtualList label={`Statements and quotes by ${name}`} items={events} keyOf={(e) => e.id} estimate={110} render={(e) => <StatementRow event={e} />} />;
}
