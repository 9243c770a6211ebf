// One merged event in a line: date, source → target, type/mode, intensity, report count.
// Actor names link to their actor pages (by country code when the actor has no registry id).
import { Link } from 'wouter';
import { Intensity } from './intensity';

export interface ActorLike {
  name: string | null;
  country: string | null;
  entityId?: string | null;
}

function actorKey(a: ActorLike): string | null {
  return a.entityId ?? a.country ?? null;
}

export function ActorName({ actor }: { actor: ActorLike }) {
  const key = actorKey(actor);
  const text = actor.name ?? actor.country ?? 'unknown';
  const country = actor.country && actor.name && actor.name !== actor.country ? ` (${actor.country})` : '';
  if (!key) return <span className="actor">{text}</span>;
  return (
    <Link className="actor" href={`/actors/${encodeURIComponent(key)}`}>
      {text}
      {country}
    </Link>
  );
}

export function EventLine({ event }: { event: { date: string | null; type: string; mode?: string | null; intensity: number; reportCount: number; source: ActorLike; target: ActorLike } }) {
  return (
    <span className="event-line">
      <time>{event.date ?? 'undated'}</time> <ActorName actor={event.source} /> <span aria-label="to">→</span> <ActorName actor={event.target} />{' '}
      <span className="etype">
        {event.type}
        {event.mode ? `/${event.mode}` : ''}
      </span>{' '}
      <Intensity value={event.intensity} />
      {event.reportCount > 1 ? <span className="reports"> {event.reportCount} reports</span> : null}
    </span>
  );
}
