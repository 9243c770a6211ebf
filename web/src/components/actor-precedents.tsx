// Precedents for one of the actor's events (GET /events/{id}/precedents): the earlier events
// most like it (same type and sides, similar wording) and what followed each within N days,
// so an analyst sees how such a move played out before. Each line links to its evidence.
import { Link } from 'wouter';
import type { TimelineEvent } from '../api/types';
import { useApi } from '../lib/use-api';
import type { precedentsJson } from '../../../src/insights/precedents';
import { evidenceHref } from './actor-data';
import { EvidenceLinks } from './actor-events';
import { EventLine } from './event-line';
import { Loaded } from './states';

type PrecedentsAnswer = ReturnType<typeof precedentsJson>;
type FollowUp = PrecedentsAnswer['precedents'][number]['followed'][number];

/** Events offered in the picker, newest first. */
const PICKABLE = 200;

function label(e: TimelineEvent): string {
  const side = (s: TimelineEvent['source']) => s.name ?? s.country ?? '?';
  return `${e.date ?? e.sortDate} ${side(e.source)} → ${side(e.target)} ${e.type} (${e.id})`;
}

function FollowUpLine({ f, known }: { f: FollowUp; known: Map<string, TimelineEvent> }) {
  // The follow-up carries the article URL only; the actor's own events give its article id.
  const report = known.get(f.id)?.reports[0];
  return (
    <li>
      <span className="muted">+{f.daysAfter} d</span> <EventLine event={{ ...f, reportCount: 1, target: f.target ?? { name: null, country: null } }} /> {f.answersPrecedent ? <span className="tag">answers it</span> : null}{' '}
      {report ? (
        <Link href={evidenceHref(report)} title={report.sentence}>
          evidence
        </Link>
      ) : f.url ? (
        <a href={f.url} rel="noreferrer noopener" target="_blank">
          source article
        </a>
      ) : null}
    </li>
  );
}

function PrecedentList({ id, known }: { id: string; known: Map<string, TimelineEvent> }) {
  const state = useApi<PrecedentsAnswer>(`/events/${encodeURIComponent(id)}/precedents`, { limit: 5 });
  return (
    <Loaded state={state} what="precedents" empty={(p) => (p.precedents.length ? null : 'No earlier event of this type between the same sides.')}>
      {(p) => (
        <ol className="precedents">
          {p.precedents.map((x) => (
            <li key={x.event.id} className="precedent">
              <div>
                <EventLine event={x.event} />{' '}
                <span className="muted">
                  {x.event.id} · {x.direction === 'same' ? 'same direction' : 'reverse direction'} · wording {Math.round(x.wording * 100)}% · score {x.score.toFixed(2)}
                </span>
              </div>
              {x.event.quote ? <q className="actor-quote">{x.event.quote}</q> : null}
              <EvidenceLinks event={x.event} />
              {x.followed.length ? (
                <>
                  <p className="muted">What followed within {p.days} days:</p>
                  <ul className="followed">
                    {x.followed.map((f) => (
                      <FollowUpLine key={f.id} f={f} known={known} />
                    ))}
                  </ul>
                </>
              ) : (
                <p className="muted">Nothing followed between these sides within {p.days} days.</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </Loaded>
  );
}

export function ActorPrecedents({ events, selected, onSelect }: { events: TimelineEvent[]; selected: string | null; onSelect: (id: string) => void }) {
  const known = new Map(events.map((e) => [e.id, e]));
  const options = events.slice(0, PICKABLE);
  const id = selected ?? options[0]?.id ?? null;
  if (!id) return <p className="muted">No events to compare with earlier ones.</p>;
  return (
    <>
      <label className="precedent-pick">
        Event{' '}
        <select value={id} onChange={(e) => onSelect(e.target.value)}>
          {options.some((e) => e.id === id) ? null : <option value={id}>{id}</option>}
          {options.map((e) => (
            <option key={e.id} value={e.id}>
              {label(e)}
            </option>
          ))}
        </select>
      </label>
      <PrecedentList id={id} known={known} />
    </>
  );
}
