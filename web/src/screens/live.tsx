// Live: articles, merged events and alerts as the server stores them (/stream, server-sent
// events over fetch), newest first, on top of the latest articles loaded when the screen opens.
// Filters (source, actor, dyad, type, kind) are in the URL and apply to both.
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client';
import { followStream, type StreamState } from '../api/stream';
import type { ArticleHit, ArticleKind, FeedAlert, FeedArticle, FeedEvent, Page } from '../api/types';
import { EventLine, type ActorLike } from '../components/event-line';
import { Empty, Failure } from '../components/states';
import { VirtualList } from '../components/virtual-list';
import { useQueryState, type Query } from '../lib/query-state';

interface LiveArticle { kind: 'article'; key: string; id: number; title: string | null; url: string; sourceName: string | null; published: string | null; articleKind: string }
interface LiveEvent { kind: 'event'; key: string; id: number; date: string | null; type: string; intensity: number; reportCount: number; source: ActorLike; target: ActorLike }
interface LiveAlert { kind: 'alert'; key: string; id: number; ruleName: string; summary: string; eventId: number | null; createdAt: string }
type LiveItem = LiveArticle | LiveEvent | LiveAlert;

const MAX_ITEMS = 5000;
const ARTICLE_KINDS: ArticleKind[] = ['news', 'opinion', 'analysis', 'press-release', 'transcript', 'other'];

function fromArticle(a: { id: number; title: string | null; url: string; sourceName: string | null; published: string | null; kind: string }): LiveArticle {
  return { kind: 'article', key: `a${a.id}`, id: a.id, title: a.title, url: a.url, sourceName: a.sourceName, published: a.published, articleKind: a.kind };
}

/** What a stream message carries, as a feed item (null for message kinds this screen does not show). */
function fromMessage(event: string, data: string): LiveItem | null {
  if (event === 'article') return fromArticle(JSON.parse(data) as FeedArticle);
  if (event === 'event') {
    const e = JSON.parse(data) as FeedEvent;
    return { ...e, kind: 'event', key: `e${e.id}` };
  }
  if (event === 'alert') {
    const a = JSON.parse(data) as FeedAlert;
    return { kind: 'alert', key: `l${a.id}`, id: a.id, ruleName: a.ruleName, summary: a.title, eventId: a.mergedEventId, createdAt: a.createdAt };
  }
  return null;
}

function actorMatches(a: ActorLike, want: string): boolean {
  const w = want.toLowerCase();
  return [a.name, a.country, a.entityId].some((v) => v?.toLowerCase().includes(w));
}

function matches(item: LiveItem, q: Query): boolean {
  if (item.kind === 'article') {
    if (q.kind && item.articleKind !== q.kind) return false;
    if (q.source && !(item.sourceName ?? '').toLowerCase().includes(q.source.toLowerCase())) return false;
    return !q.actor && !q.dyad && !q.type;
  }
  if (item.kind === 'alert') return !q.kind && !q.source;
  if (q.kind || q.source) return false;
  if (q.type && item.type !== q.type.toUpperCase()) return false;
  if (q.actor && !actorMatches(item.source, q.actor) && !actorMatches(item.target, q.actor)) return false;
  if (q.dyad) {
    const [a = '', b = ''] = q.dyad.toUpperCase().split(/[-,]/);
    const pair = [item.source.country ?? '', item.target.country ?? ''];
    if (!(pair.includes(a) && pair.includes(b))) return false;
  }
  return true;
}

function Row({ item }: { item: LiveItem }) {
  if (item.kind === 'article')
    return (
      <div className="live-row">
        <span className="tag">{item.articleKind}</span> <Link href={`/articles/${item.id}`}>{item.title ?? item.url}</Link>
        <span className="muted"> {item.sourceName ?? ''} {item.published?.slice(0, 16).replace('T', ' ') ?? ''}</span>
      </div>
    );
  if (item.kind === 'event')
    return (
      <div className="live-row">
        <span className="tag tag-event">event</span> <Link href={`/timeline?focus=ev${item.id}`}>ev{item.id}</Link> <EventLine event={item} />
      </div>
    );
  return (
    <div className="live-row alert-row" role="status">
      <span className="tag tag-alert">alert</span> <strong>{item.ruleName}</strong> {item.summary}
      {item.eventId ? (
        <>
          {' '}
          <Link href={`/timeline?focus=ev${item.eventId}`}>ev{item.eventId}</Link>
        </>
      ) : null}
    </div>
  );
}

export function Live() {
  const [query, setQuery] = useQueryState();
  const [items, setItems] = useState<LiveItem[]>([]);
  const [state, setState] = useState<{ s: StreamState; detail?: string }>({ s: 'connecting' });
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    api.get<Page<ArticleHit>>('/articles', { limit: 100 }, ctrl.signal).then(
      (page) => setItems((cur) => [...cur, ...page.items.map(fromArticle).filter((a) => !cur.some((c) => c.key === a.key))]),
      (err: Error) => err.name !== 'AbortError' && setError(err),
    );
    void followStream(
      '/stream',
      ctrl.signal,
      (m) => {
        const item = fromMessage(m.event, m.data);
        if (item) setItems((cur) => [item, ...cur.filter((c) => c.key !== item.key)].slice(0, MAX_ITEMS));
      },
      (s, detail) => setState({ s, detail }),
    );
    return () => ctrl.abort();
  }, []);

  const shown = useMemo(() => items.filter((i) => matches(i, query)), [items, query]);
  return (
    <section aria-labelledby="live-title">
      <h1 id="live-title">Live</h1>
      <p className={`stream-state ${state.s}`} role="status">
        {state.s === 'open' ? '● Receiving new articles, events and alerts as they are stored.' : state.s === 'connecting' ? 'Connecting to the live stream…' : `Stream interrupted (${state.detail ?? 'no answer'}); retrying…`}
      </p>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Source <input name="source" value={query.source ?? ''} onChange={(e) => setQuery({ source: e.target.value })} />
        </label>
        <label>
          Actor <input name="actor" value={query.actor ?? ''} onChange={(e) => setQuery({ actor: e.target.value })} placeholder="PRK, Kim…" />
        </label>
        <label>
          Dyad <input name="dyad" value={query.dyad ?? ''} onChange={(e) => setQuery({ dyad: e.target.value })} placeholder="PRK-USA" />
        </label>
        <label>
          Type <input name="type" value={query.type ?? ''} onChange={(e) => setQuery({ type: e.target.value })} placeholder="THREATEN" />
        </label>
        <label>
          Kind{' '}
          <select name="kind" value={query.kind ?? ''} onChange={(e) => setQuery({ kind: e.target.value })}>
            <option value="">all</option>
            {ARTICLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      </form>
      {error ? <Failure error={error} /> : null}
      {shown.length === 0 ? (
        <Empty>{items.length === 0 ? 'Nothing stored yet. New articles appear here as sources are polled.' : 'Nothing matches these filters yet.'}</Empty>
      ) : (
        <VirtualList label="Live feed" items={shown} keyOf={(i) => i.key} estimate={40} render={(i) => <Row item={i} />} />
      )}
    </section>
  );
}

