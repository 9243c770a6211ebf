// Saved briefs (GET /briefs, newest first): each opens with ?id= in the URL.
import { Link } from 'wouter';
import type { BriefSummary } from '../../../src/store/briefs';
import { Loaded } from './states';
import type { ApiState } from '../lib/use-api';

export function BriefList({ state, current }: { state: ApiState<{ items: BriefSummary[] }>; current: number | null }) {
  return (
    <section className="brief-list card" aria-labelledby="brief-list-title">
      <h2 id="brief-list-title">Saved briefs</h2>
      <Loaded state={state} what="saved briefs" empty={(d) => (d.items.length === 0 ? 'No saved briefs yet. Generate one with “Save it to the list” ticked.' : null)}>
        {(d) => (
          <ul>
            {d.items.map((b) => (
              <li key={b.id}>
                <Link href={`/briefs?id=${b.id}`} aria-current={b.id === current ? 'page' : undefined}>
                  {b.title}
                </Link>
                <span className="muted">
                  {' '}
                  #{b.id} · saved {b.createdAt.slice(0, 16).replace('T', ' ')} · {b.itemCount} item{b.itemCount === 1 ? '' : 's'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
      {state.data && state.data.items.length >= 50 ? <p className="hint">The 50 newest.</p> : null}
    </section>
  );
}
