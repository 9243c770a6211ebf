// The form that builds a brief (POST /briefs, analyst role): the window (last 24 hours, 7 or 30
// days, or dates), an optional focus country and whether to save it. The window and focus are
// in the URL with the rest of the screen's state, so a link can carry a prepared request.
import { useState, type FormEvent } from 'react';
import { ApiFailure } from '../api/client';
import type { Query } from '../lib/query-state';
import type { BriefRequest } from './brief-export';

const WINDOWS: [string, string][] = [
  ['24h', 'Last 24 hours'],
  ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days'],
  ['dates', 'Between dates…'],
];
const RELATIVE = /^\d+[hdw]$/;

export function briefRequest(q: Query): BriefRequest {
  const since = q.since || '24h';
  return { since, until: RELATIVE.test(since) ? undefined : q.until || undefined, focus: q.focus?.trim().toUpperCase() || undefined };
}

export function BriefForm({ query, setQuery, busy, error, onGenerate }: { query: Query; setQuery: (q: Partial<Query>) => void; busy: boolean; error: Error | null; onGenerate: (r: BriefRequest, save: boolean) => void }) {
  const [save, setSave] = useState(true);
  const since = query.since || '24h';
  const windowKind = RELATIVE.test(since) ? since : 'dates';
  const forbidden = error instanceof ApiFailure && error.status === 403;

  function submit(e: FormEvent) {
    e.preventDefault();
    onGenerate(briefRequest(query), save);
  }
  return (
    <form className="brief-form card" onSubmit={submit} aria-labelledby="brief-form-title">
      <h2 id="brief-form-title">New brief</h2>
      <label>
        Window
        <select value={WINDOWS.some(([v]) => v === windowKind) ? windowKind : 'dates'} onChange={(e) => setQuery({ since: e.target.value === 'dates' ? new Date(Date.now() - 7 * 864e5).toISOString().slice(0, 10) : e.target.value, until: '' })}>
          {WINDOWS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {windowKind === 'dates' ? (
        <div className="brief-dates">
          <label>
            From <input type="date" name="since" value={since} required onChange={(e) => setQuery({ since: e.target.value })} />
          </label>
          <label>
            To <input type="date" name="until" value={query.until ?? ''} onChange={(e) => setQuery({ until: e.target.value })} />
          </label>
        </div>
      ) : null}
      <label>
        Focus country (ISO 3166 alpha-3, optional)
        <input name="focus" value={query.focus ?? ''} maxLength={3} pattern="[A-Za-z]{3}" placeholder="PRK" autoComplete="off" onChange={(e) => setQuery({ focus: e.target.value.toUpperCase() })} />
      </label>
      <label className="brief-check">
        <input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} /> Save it to the list
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Generating…' : 'Generate brief'}
      </button>
      <p className="hint">Needs an analyst token. Events dated in the window are ranked by novelty, intensity, actor and reports.</p>
      {forbidden ? (
        <div className="state error" role="alert">
          <strong>Generating briefs needs the analyst role.</strong> Your token is a viewer token: you can read, print and export saved briefs, but not build new ones. Ask an
          admin for an analyst token (<code>readout tokens create --role analyst --name NAME</code>).
        </div>
      ) : error ? (
        <div className="state error" role="alert">
          <strong>Could not generate the brief.</strong> {error.message}
          {error instanceof ApiFailure && error.field ? (
            <>
              {' '}
              (field: <code>{error.field}</code>)
            </>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
