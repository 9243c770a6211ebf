// Counterparts: who the actor acts on and who acts on it, counted from its events, as a graph
// (edge width = events, colour = mean intensity; a click opens that actor's page) and as a
// table with the same numbers for keyboard and screen-reader users.
import { useCallback, useMemo } from 'react';
import { Link, useLocation } from 'wouter';
import type { TimelineActor, TimelineEvent } from '../api/types';
import { actorHref } from './actor-header';
import { Graph, type GraphEdge, type GraphNode } from './graph';
import { Intensity } from './intensity';
import { Empty } from './states';

interface Flow {
  n: number;
  sum: number;
}

export interface Counterpart {
  key: string;
  label: string;
  href: string | null;
  /** Events from the actor to this counterpart, and from it to the actor. */
  out: Flow;
  in: Flow;
}

/** Nodes drawn in the graph; the table lists every counterpart. */
const GRAPH_NODES = 30;
const CENTRE = '__actor__';

/** One counterpart per registry entity, else per name, else per country (as the event names it). */
function identify(side: TimelineActor): { key: string; label: string; href: string | null } | null {
  if (side.entityId) return { key: side.entityId, label: side.name ?? side.entityId, href: actorHref(side.entityId) };
  if (side.name) return { key: `name:${side.name.toLowerCase()}`, label: side.country ? `${side.name} (${side.country})` : side.name, href: null };
  if (side.country) return { key: side.country, label: side.country, href: actorHref(side.country) };
  return null;
}

export function counterparts(events: TimelineEvent[], isActor: (s: TimelineActor) => boolean): Counterpart[] {
  const by = new Map<string, Counterpart>();
  const add = (side: TimelineActor, dir: 'out' | 'in', intensity: number) => {
    const id = identify(side);
    if (!id) return;
    const c = by.get(id.key) ?? { ...id, out: { n: 0, sum: 0 }, in: { n: 0, sum: 0 } };
    c[dir].n += 1;
    c[dir].sum += intensity;
    by.set(id.key, c);
  };
  for (const e of events) {
    const s = isActor(e.source);
    const t = isActor(e.target);
    // Events inside the actor (both sides are it) have no counterpart.
    if (s && !t) add(e.target, 'out', e.intensity);
    else if (t && !s) add(e.source, 'in', e.intensity);
  }
  return [...by.values()].sort((a, b) => b.out.n + b.in.n - (a.out.n + a.in.n) || a.label.localeCompare(b.label));
}

const mean = (f: Flow) => (f.n ? Math.round((f.sum / f.n) * 10) / 10 : null);

function FlowCell({ flow }: { flow: Flow }) {
  const m = mean(flow);
  return (
    <td>
      {flow.n}
      {m !== null ? (
        <>
          {' '}
          <Intensity value={m} />
        </>
      ) : null}
    </td>
  );
}

export function CounterpartNetwork({ name, list }: { name: string; list: Counterpart[] }) {
  const [, navigate] = useLocation();
  const { nodes, edges } = useMemo(() => {
    const top = list.slice(0, GRAPH_NODES);
    const nodes: GraphNode[] = [{ id: CENTRE, label: name, central: true }, ...top.map((c) => ({ id: c.key, label: c.label }))];
    const edges: GraphEdge[] = [];
    for (const c of top) {
      if (c.out.n) edges.push({ source: CENTRE, target: c.key, count: c.out.n, tone: mean(c.out)! });
      if (c.in.n) edges.push({ source: c.key, target: CENTRE, count: c.in.n, tone: mean(c.in)! });
    }
    return { nodes, edges };
  }, [list, name]);
  const onSelect = useCallback(
    (id: string) => {
      const href = list.find((c) => c.key === id)?.href;
      if (href) navigate(href);
    },
    [list, navigate],
  );
  if (!list.length) return <Empty>No counterparts in this range: no events between {name} and another actor.</Empty>;
  return (
    <div className="actor-network">
      <Graph nodes={nodes} edges={edges} onSelect={onSelect} label={`Network of ${name}'s counterparts: ${list.length} actors. The table below lists the same numbers.`} />
      <p className="muted">
        Arrows point from the actor that acted; width is the number of events, colour the mean intensity (red conflict, green cooperation).
        {list.length > GRAPH_NODES ? ` The graph shows the ${GRAPH_NODES} busiest of ${list.length} counterparts.` : ''}
      </p>
      <div className="table-wrap actor-network-table">
        <table>
          <caption className="muted">Counterparts of {name}: events each way and their mean intensity</caption>
          <thead>
            <tr>
              <th scope="col">Counterpart</th>
              <th scope="col">From {name}</th>
              <th scope="col">To {name}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.href ? <Link href={c.href}>{c.label}</Link> : c.label}</th>
                <FlowCell flow={c.out} />
                <FlowCell flow={c.in} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
