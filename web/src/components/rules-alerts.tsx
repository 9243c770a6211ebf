// Alerts, newest first: the stored ones (GET /alerts, older pages with ?before=) and the ones
// the server announces on /stream (types=alerts) while the screen is open, without a reload.
// The stream starts at the newest row, so each time it (re)connects the newest stored page is
// merged in again: nothing recorded between the first load and the connection is missed.
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { StoredAlert } from '../../../src/store/alerts';
import type { FeedAlert } from '../../../src/store/stream';
import { api } from '../api/client';
import { followStream, type StreamState } from '../api/stream';
import { Intensity } from './intensity';

const PAGE = 50;

export interface AlertItem {
  id: number;
  ruleId: number;
  ruleName: string | null;
  kind: string;
  mergedEventId: number | null;
  title: string;
  reasons: string[];
  intensity: number | null;
  createdAt: string;
  /** Personnel alerts: the article and sentence the move was read in. */
  evidence: { articleId: number; sentence: string } | null;
  live: boolean;
}

function fromStored(a: StoredAlert): AlertItem {
  const p = a.payload as { kind?: string; rule?: { name?: string }; reasons?: string[]; event?: { intensity?: number }; personnel?: { evidence?: { articleId: number; sentence: string } } };
  return {
    id: a.id, ruleId: a.ruleId, ruleName: p.rule?.name ?? null, kind: p.kind ?? (a.mergedEventId === null ? 'other' : 'event'), mergedEventId: a.mergedEventId, title: a.title,
    reasons: p.reasons ?? [], intensity: p.event?.intensity ?? null, createdAt: a.createdAt, evidence: p.personnel?.evidence ?? null, live: false,
  };
}

function fromFeed(a: FeedAlert): AlertItem {
  return { id: a.id, ruleId: a.ruleId, ruleName: a.ruleName, kind: a.kind, mergedEventId: a.mergedEventId, title: a.title, reasons: a.reasons, intensity: a.intensity, createdAt: a.createdAt, evidence: null, live: true };
}

/** Merges alerts by id, newest first; a live copy keeps its "new" mark. */
function merge(cur: AlertItem[], more: AlertItem[]): AlertItem[] {
  const byId = new Map(cur.map((a) => [a.id, a]));
  for (const a of more) byId.set(a.id, { ...a, live: a.live || (byId.get(a.id)?.live ?? false) });
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

function AlertRow({ a }: { a: AlertItem }) {
  return (
    <li className={`alert-item${a.live ? ' is-new' : ''}`}>
      <div>
        {a.live ? <span className="tag tag-alert">new</span> : null} <span className="tag">{a.kind}</span> <strong>{a.ruleName ?? `rule ${a.ruleId}`}</strong>{' '}
        <time className="muted" dateTime={a.createdAt}>
          {a.createdAt.slice(0, 16).replace('T', ' ')}
        </time>
      </div>
      <div className="alert-title">
        {a.intensity !== null ? <Intensity value={a.intensity} /> : null} {a.title}
      </div>
      <div className="muted">
        {a.reasons.length ? `Matched: ${a.reasons.join('; ')}. ` : ''}
        {a.mergedEventId !== null ? <Link href={`/timeline?focus=ev${a.mergedEventId}`}>Event ev{a.mergedEventId} on the timeline</Link> : null}
        {a.evidence ? <Link href={`/articles/${a.evidence.articleId}?evidence=${encodeURIComponent(a.evidence.sentence)}`}>The article</Link> : null}
      </div>
    </li>
  );
}

export function AlertsPanel({ ruleId, onNew }: { ruleId: number | null; onNew: () => void }) {
  const [items, setItems] = useState<AlertItem[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [stream, setStream] = useState<StreamState>('connecting');
  const [more, setMore] = useState(false);
  const [announce, setAnnounce] = useState('');

  const load = useCallback(
    async (before?: number, signal?: AbortSignal) => {
      try {
        const page = await api.get<{ items: StoredAlert[] }>('/alerts', { rule: ruleId, before, limit: PAGE }, signal);
        setError(null);
        setItems((cur) => merge(cur, page.items.map(fromStored)));
        // Older pages say whether there are more; a reload of the newest page only ever adds some.
        const full = page.items.length === PAGE;
        setMore((m) => (before !== undefined ? full : m || full));
      } catch (err) {
        if ((err as Error).name !== 'AbortError') setError(err as Error);
      }
    },
    [ruleId],
  );

  useEffect(() => {
    setItems([]);
    const ctrl = new AbortController();
    void load(undefined, ctrl.signal);
    void followStream(
      '/stream?types=alerts',
      ctrl.signal,
      (m) => {
        if (m.event !== 'alert') return;
        const a = fromFeed(JSON.parse(m.data) as FeedAlert);
        if (ruleId !== null && a.ruleId !== ruleId) return;
        setItems((cur) => merge(cur, [a]));
        setAnnounce(`New alert from ${a.ruleName}: ${a.title}`);
        onNew();
      },
      (s) => {
        setStream(s);
        if (s === 'open') void load(undefined, ctrl.signal);
      },
    );
    return () => ctrl.abort();
  }, [ruleId, load, onNew]);

  const oldest = items[items.length - 1]?.id;
  return (
    <>
      <p className={`stream-state ${stream}`} role="status">
        {stream === 'open' ? '● New alerts appear here as rules fire.' : stream === 'connecting' ? 'Connecting to the live stream…' : 'Live stream interrupted; retrying…'}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {error ? (
        <div className="state error" role="alert">
          Could not load alerts: {error.message}{' '}
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : null}
      {items.length === 0 && !error ? <div className="state empty">No alerts yet{ruleId !== null ? ' for this rule' : ''}. They appear here when a rule fires on a newly analysed article.</div> : null}
      {items.length ? (
        <ol className="alert-list" aria-label="Alerts, newest first">
          {items.map((a) => (
            <AlertRow key={a.id} a={a} />
          ))}
        </ol>
      ) : null}
      {more && oldest !== undefined ? (
        <button type="button" className="secondary" onClick={() => void load(oldest)}>
          Load older alerts
        </button>
      ) : null}
    </>
  );
}
