// Dyad view (/dyad?a=PRK&b=USA): how two countries treat each other over time, from GET /trends
// for the dyad: each direction's cooperative and conflictual events and mean tone, whether each
// side answers the other in kind (reciprocity), and the turning points, each one click from the
// timeline of that day.
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { DyadToneChart } from '../components/dyad-tone-chart';
import { DirectionCard, ReciprocityLine, TurningPoints } from '../components/dyad-summary';
import type { TrendReport } from '../components/dyad-insights';
import { Loaded } from '../components/states';
import { timelineHref } from '../components/timeline-data';
import { useQueryState, type Query } from '../lib/query-state';
import { useApi } from '../lib/use-api';
import './dyad.css';

/** The API's dyad parameter: "PRK-USA" for two ISO3 codes, "A,B" for names. */
export function dyadParam(a: string, b: string): string {
  const code = (s: string) => /^[A-Za-z]{3}$/.test(s);
  return code(a) && code(b) ? `${a.toUpperCase()}-${b.toUpperCase()}` : `${a},${b}`;
}

function DyadForm({ query, set }: { query: Query; set: (next: Partial<Query>, opts?: { push?: boolean }) => void }) {
  const [a, setA] = useState(query.a ?? '');
  const [b, setB] = useState(query.b ?? '');
  useEffect(() => setA(query.a ?? ''), [query.a]);
  useEffect(() => setB(query.b ?? ''), [query.b]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set({ a: a.trim(), b: b.trim() }, { push: true });
  };
  return (
    <form className="filters" aria-label="Dyad" onSubmit={submit}>
      <label>
        First country <input name="a" value={a} onChange={(e) => setA(e.target.value)} placeholder="PRK" required />
      </label>
      <label>
        Second country <input name="b" value={b} onChange={(e) => setB(e.target.value)} placeholder="USA" required />
      </label>
      <label>
        Per{' '}
        <select name="by" value={query.by ?? 'day'} onChange={(e) => set({ by: e.target.value === 'day' ? '' : e.target.value }, { push: true })}>
          <option value="day">day</option>
          <option value="week">week</option>
        </select>
      </label>
      <label>
        Since <input type="date" name="since" value={query.since ?? ''} max={query.until} onChange={(e) => set({ since: e.target.value }, { push: true })} />
      </label>
      <label>
        Until <input type="date" name="until" value={query.until ?? ''} min={query.since} onChange={(e) => set({ until: e.target.value }, { push: true })} />
      </label>
      <button type="submit">Show</button>
    </form>
  );
}

function hasEvents(t: TrendReport): boolean {
  return (t.directions ?? []).some((d) => d.buckets.some((b) => b.events > 0));
}

export function Dyad() {
  const [query, setQuery] = useQueryState();
  const a = query.a?.trim() ?? '';
  const b = query.b?.trim() ?? '';
  const dyad = a && b ? dyadParam(a, b) : null;
  const by = query.by === 'week' ? 'week' : 'day';
  const range = { since: query.since, until: query.until };
  const trend = useApi<TrendReport>(dyad ? '/trends' : null, { dyad, by, ...range });
  const period = [query.since ? `from ${query.since}` : '', query.until ? `to ${query.until}` : ''].filter(Boolean).join(' ');

  return (
    <section aria-labelledby="dy-title" className="dy">
      <h1 id="dy-title">{dyad ? `Dyad: ${a.toUpperCase()} ↔ ${b.toUpperCase()}` : 'Dyad'}</h1>
      <DyadForm query={query} set={setQuery} />
      {!dyad ? (
        <p className="state empty">Choose two countries (ISO codes such as PRK and USA, or names) to see how each treats the other over time.</p>
      ) : (
        <>
          <p className="dy-links">
            <Link href={timelineHref({ dyad, ...range })}>
              Timeline of {a.toUpperCase()} and {b.toUpperCase()}
            </Link>
            {period ? <span className="muted"> ({period})</span> : null}
          </p>
          <Loaded state={trend} what="the dyad's trend" empty={(t) => (hasEvents(t) ? null : `No events between ${t.subject.a ?? a} and ${t.subject.b ?? b}${period ? ` ${period}` : ''}. Events appear here once articles about them are analysed.`)}>
            {(t) => (
              <>
                <div className="grid2 dy-directions">
                  {t.directions!.map((d) => (
                    <DirectionCard key={d.from} d={d} dyad={dyadParam(d.from, d.to)} range={range} />
                  ))}
                </div>
                <ReciprocityLine trend={t} />
                <DyadToneChart directions={t.directions!} by={t.by} />
                <TurningPoints trend={t} dyad={dyad} />
              </>
            )}
          </Loaded>
        </>
      )}
    </section>
  );
}
