// The article's analysis as lists beside the text: entities (with their actor pages), quotes
// with their speakers, and events (type, source → target, intensity). Choosing an item shows it
// in the text (the screen scrolls to it and highlights every piece of it).
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { Analysis, AnalysisEvent, Quote } from '../../../src/analyze/types';
import { ActorName } from './event-line';
import { Intensity } from './intensity';

type Select = (key: string) => void;

function Pick({ id, active, onSelect, children }: { id: string; active: string | null; onSelect: Select; children: ReactNode }) {
  return (
    <button type="button" className="article-pick" aria-pressed={active === id} onClick={() => onSelect(id)}>
      {children}
    </button>
  );
}

function speaker(q: Quote): string {
  const s = q.speaker;
  if (!s) return 'unattributed';
  return s.name ?? s.description ?? (s.anonymous ? 'an unnamed source' : 'unattributed');
}

function EventItem({ e, i, active, onSelect }: { e: AnalysisEvent; i: number; active: string | null; onSelect: Select }) {
  const flags = [e.negated ? 'negated' : '', e.modality && e.modality !== 'asserted' ? e.modality : '', e.date ?? 'undated'].filter(Boolean).join(' · ');
  return (
    <li>
      <Pick id={`ev${i}`} active={active} onSelect={onSelect}>
        <span className="etype">
          {e.type}
          {e.mode ? `/${e.mode}` : ''}
        </span>{' '}
        {e.trigger ? <>“{e.trigger.text}”</> : null}
      </Pick>
      <div className="article-event-line">
        <ActorName actor={e.source} /> <span aria-label="to">→</span> {e.target ? <ActorName actor={e.target} /> : <span className="muted">no target</span>} <Intensity value={e.intensity} />{' '}
        <span className="muted">{flags}</span>
      </div>
    </li>
  );
}

export function ArticlePanel({ analysis, active, onSelect }: { analysis: Analysis; active: string | null; onSelect: Select }) {
  const { entities, quotes, events } = analysis;
  return (
    <aside className="article-panel" aria-label="Analysis">
      <section aria-labelledby="panel-events">
        <h2 id="panel-events">Events ({events.length})</h2>
        {events.length === 0 ? <p className="muted">No events found in this article.</p> : null}
        <ul className="article-list">
          {events.map((e, i) => (
            <EventItem key={e.id ?? i} e={e} i={i} active={active} onSelect={onSelect} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="panel-quotes">
        <h2 id="panel-quotes">Quotes ({quotes.length})</h2>
        {quotes.length === 0 ? <p className="muted">No quotes found.</p> : null}
        <ul className="article-list">
          {quotes.map((q, i) => (
            <li key={i}>
              <Pick id={`q${i}`} active={active} onSelect={onSelect}>
                “{q.text}”
              </Pick>
              <div className="muted">
                — {q.speaker?.entityId ? <Link href={`/actors/${encodeURIComponent(q.speaker.entityId)}`}>{speaker(q)}</Link> : speaker(q)} ({q.kind})
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="panel-entities">
        <h2 id="panel-entities">Entities ({entities.length})</h2>
        {entities.length === 0 ? <p className="muted">No entities found.</p> : null}
        <ul className="article-list">
          {entities.map((e, i) => (
            <li key={i} className="article-entity-item">
              <Pick id={`ent${i}`} active={active} onSelect={onSelect}>
                <span className={`article-chip ent-${e.type}`} aria-hidden="true" /> {e.name}
              </Pick>{' '}
              <span className="muted">
                {e.type}
                {e.country ? `, ${e.country}` : ''} · {e.mentions.length} mention{e.mentions.length === 1 ? '' : 's'}
                {e.roles.length ? ` · ${e.roles.join('; ')}` : ''}
              </span>{' '}
              {e.id ? <Link href={`/actors/${encodeURIComponent(e.id)}`} aria-label={`${e.name}: actor page`}>
                  actor page
                </Link> : null}
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
