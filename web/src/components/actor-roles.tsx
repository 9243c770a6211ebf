// Roles over time: the registry's dated posts of a person as bars on one time axis (a table
// with from/to, so the dates are readable too), and the role changes articles reported for a
// person or an institution (GET /personnel/changes), each with its evidence sentence.
import { Link } from 'wouter';
import type { Page } from '../api/types';
import { useApi } from '../lib/use-api';
import type { PersonnelChange } from '../../../src/insights/personnel';
import type { RoleSpell } from '../../../src/registry/types';
import type { Actor } from './actor-data';
import { evidenceHref } from './actor-data';
import { actorHref, useActorNames } from './actor-header';
import { Loaded } from './states';

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as epoch ms of its first day. */
function dayMs(partial: string): number {
  const [y = '1970', m = '01', d = '01'] = partial.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
}

function RoleBars({ roles, nameOf }: { roles: RoleSpell[]; nameOf: Map<string, string> }) {
  const today = new Date().toISOString().slice(0, 10);
  const known = roles.flatMap((r) => [r.start, r.end].filter((d): d is string => !!d));
  const from = Math.min(...known.map(dayMs), dayMs(today) - 365 * 864e5);
  const to = dayMs(today);
  const pct = (ms: number) => `${(100 * (ms - from)) / Math.max(1, to - from)}%`;
  return (
    <div className="table-wrap">
      <table className="actor-roles">
        <caption className="muted">
          Posts in the registry, {new Date(from).getUTCFullYear()} to today
        </caption>
        <thead>
          <tr>
            <th>Post</th>
            <th>Institution</th>
            <th>From</th>
            <th>To</th>
            <th className="role-span-head">Span</th>
          </tr>
        </thead>
        <tbody>
          {roles.map((r, i) => {
            const start = r.start ? dayMs(r.start) : from;
            const end = r.end ? dayMs(r.end) : to;
            return (
              <tr key={i}>
                <td>{r.title}</td>
                <td>{r.org ? <Link href={actorHref(r.org)}>{nameOf.get(r.org) ?? r.org}</Link> : <span className="muted">—</span>}</td>
                <td>{r.start ?? <span className="muted">unknown</span>}</td>
                <td>{r.end ?? <span className="muted">{r.start ? 'present' : 'unknown'}</span>}</td>
                <td className="role-span" aria-hidden="true">
                  <span className={`role-bar${r.start ? '' : ' open-start'}${r.end ? '' : ' open-end'}`} style={{ left: pct(start), width: `calc(${pct(end)} - ${pct(start)} + 3px)` }} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Changes({ param, value }: { param: 'person' | 'org'; value: string }) {
  const state = useApi<Page<PersonnelChange>>('/personnel/changes', { [param]: value, limit: 100 });
  return (
    <Loaded state={state} what="reported role changes" empty={(p) => (p.items.length ? null : 'No role changes reported in stored articles.')}>
      {(p) => (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Date</th>
                <th>Person</th>
                <th>Change</th>
                <th>Post</th>
                <th>Evidence</th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((c, i) => (
                <tr key={`${c.evidence.articleId}-${i}`}>
                  <td>{c.date}</td>
                  <td>{c.personKey.includes(':') && !c.personKey.startsWith('name:') ? <Link href={actorHref(c.personKey)}>{c.person}</Link> : c.person}</td>
                  <td>
                    <span className="tag">{c.change}</span>
                  </td>
                  <td>
                    {c.title || <span className="muted">(no title)</span>}
                    {c.institution.id ? (
                      <>
                        , <Link href={actorHref(c.institution.id)}>{c.institution.name}</Link>
                      </>
                    ) : (
                      <span className="muted">, {c.institution.name}</span>
                    )}
                  </td>
                  <td>
                    <Link href={evidenceHref(c.evidence)} title={c.evidence.sentence}>
                      {c.evidence.outlet ?? 'article'} {c.evidence.date}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.nextCursor ? <p className="muted">Showing the latest 100 changes.</p> : null}
        </div>
      )}
    </Loaded>
  );
}

/** Registry posts and reported changes; countries and places have neither. */
export function ActorRoles({ actor }: { actor: Actor }) {
  const roles = actor.roles ?? [];
  const nameOf = useActorNames(actor.country, roles.some((r) => r.org));
  if (actor.type !== 'person' && actor.type !== 'organization') return null;
  return (
    <section className="card" aria-labelledby="actor-roles-title">
      <h2 id="actor-roles-title">{actor.type === 'person' ? 'Roles over time' : 'Personnel changes'}</h2>
      {actor.type === 'person' ? roles.length ? <RoleBars roles={roles} nameOf={nameOf} /> : <p className="muted">The registry lists no posts for this person.</p> : null}
      {actor.type === 'person' ? <h3>Changes reported in articles</h3> : null}
      <Changes param={actor.type === 'person' ? 'person' : 'org'} value={actor.id} />
    </section>
  );
}
