// The actor page's header: name, type, country, aliases, parent institution, and for an
// institution its sub-units and the people the registry gives a post in it (each a link).
import { Link } from 'wouter';
import type { Page } from '../api/types';
import { useApi } from '../lib/use-api';
import type { Actor, ActorDetail } from './actor-data';

export function actorHref(id: string): string {
  return `/actors/${encodeURIComponent(id)}`;
}

/** Names of a country's registry actors by id (one listing; ids of other countries stay unnamed). */
export function useActorNames(country: string | null, needed: boolean): Map<string, string> {
  const names = useApi<Page<Actor>>(needed && country ? '/actors' : null, { country, limit: 500 });
  return new Map((names.data?.items ?? []).map((a) => [a.id, a.name]));
}

function IdLinks({ ids, nameOf, label }: { ids: string[]; nameOf: Map<string, string>; label: string }) {
  if (!ids.length) return null;
  return (
    <div className="actor-links">
      <h2>{label}</h2>
      <ul className="actor-chips">
        {ids.map((id) => (
          <li key={id}>
            <Link href={actorHref(id)}>{nameOf.get(id) ?? id}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ActorHeader({ detail }: { detail: ActorDetail }) {
  const { actor, parent, mergedFrom } = detail;
  const aliases = actor.aliases.filter((a) => a !== actor.name);
  const nameOf = useActorNames(actor.country, detail.children.length + detail.people.length > 0);
  return (
    <header className="actor-header card">
      <h1 id="actor-title">{actor.name}</h1>
      <dl className="actor-facts">
        <div>
          <dt>Type</dt>
          <dd>
            <span className="tag">{actor.type}</span>
            {actor.kind ? <span className="muted"> {actor.kind.replace(/-/g, ' ')}</span> : null}
          </dd>
        </div>
        <div>
          <dt>Country</dt>
          <dd>{actor.country ? actor.type === 'country' ? actor.country : <Link href={actorHref(actor.country)}>{actor.country}</Link> : <span className="muted">none</span>}</dd>
        </div>
        {parent ? (
          <div>
            <dt>Part of</dt>
            <dd>
              <Link href={actorHref(parent.id)}>{parent.name}</Link>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Registry id</dt>
          <dd>
            <code>{actor.id}</code>
            {mergedFrom ? <span className="muted"> (merged from {mergedFrom})</span> : null}
          </dd>
        </div>
      </dl>
      {aliases.length ? (
        <p className="actor-aliases">
          <span className="muted">Also called: </span>
          {aliases.join(' · ')}
        </p>
      ) : null}
      <IdLinks ids={detail.children} nameOf={nameOf} label="Sub-units" />
      <IdLinks ids={detail.people} nameOf={nameOf} label="People with a post here" />
    </header>
  );
}
