// One merged event of the timeline: date, source → target, type/mode, intensity, negation and
// modality marks, reports and outlets, the quote; the response arrows (what it answers, what
// answers it) as links; and, expanded, every report with its evidence sentence.
import { Link } from 'wouter';
import type { TimelineEvent } from '../api/types';
import { ActorName } from './event-line';
import { Intensity, intensityClass } from './intensity';
import { evidenceHref, timelineHref, type Answer } from './timeline-data';

export interface RowLinks {
  /** The screen's query, kept in the arrows' links (filters stay as they are). */
  query: Record<string, string>;
  answeredBy: Answer[];
}

function DateLabel({ e }: { e: TimelineEvent }) {
  if (e.date && e.date.length === 10) return <time dateTime={e.date}>{e.date}</time>;
  // Partial or missing dates sort by their anchor day; say so rather than invent a day.
  return (
    <time dateTime={e.sortDate} title={`sorted on ${e.sortDate}`}>
      {e.date ?? 'undated'} <span className="muted">(≈{e.sortDate})</span>
    </time>
  );
}

/** Negation and modality: a planned or hypothetical event did not (yet) happen, and must look it. */
export function Marks({ e }: { e: TimelineEvent }) {
  return (
    <>
      {e.negated ? (
        <span className="tl-mark tl-negated" title="the text says this did not happen">
          not
        </span>
      ) : null}
      {e.modality !== 'asserted' ? (
        <span className={`tl-mark tl-${e.modality}`} title={`modality: ${e.modality}`}>
          {e.modality}
        </span>
      ) : null}
    </>
  );
}

function confidence(c: number): string {
  return c.toFixed(2).replace(/0$/, '');
}

function Arrows({ e, links }: { e: TimelineEvent; links: RowLinks }) {
  if (e.responses.length === 0 && links.answeredBy.length === 0) return null;
  return (
    <ul className="tl-arrows">
      {e.responses.map((r) => (
        <li key={`to-${r.id}`}>
          <Link href={timelineHref({ ...links.query, focus: r.id, link: `${e.id}-${r.id}` })} className="tl-arrow">
            <span aria-hidden="true">↩ </span>answers {r.id}
          </Link>{' '}
          <span className="muted">
            — {r.rule}, confidence {confidence(r.confidence)}
            {r.cue ? `, cue “${r.cue}”` : ''}
          </span>
        </li>
      ))}
      {links.answeredBy.map((a) => (
        <li key={`by-${a.id}`}>
          <Link href={timelineHref({ ...links.query, focus: a.id, link: `${a.id}-${e.id}` })} className="tl-arrow">
            <span aria-hidden="true">↪ </span>answered by {a.id}
          </Link>{' '}
          <span className="muted">
            — {a.rule}, confidence {confidence(a.confidence)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function Reports({ e }: { e: TimelineEvent }) {
  return (
    <ol className="tl-reports" aria-label={`Reports of ${e.id}`}>
      {e.reports.map((r, i) => (
        <li key={`${r.articleId}-${r.eventId}-${i}`}>
          <span className="tl-outlet">{r.source ?? hostOf(r.url)}</span> <span className="muted">{r.published?.slice(0, 10) ?? 'undated'}</span>
          {r.modality !== 'asserted' ? <span className={`tl-mark tl-${r.modality}`}>{r.modality}</span> : null}
          <blockquote className="tl-sentence">{r.sentence}</blockquote>
          <Link href={evidenceHref(r.articleId, r.sentence)}>Open in the article</Link>{' '}
          <a href={r.url} rel="noopener noreferrer" target="_blank" className="muted">
            original<span className="tl-sr-only"> (opens {r.url})</span>
          </a>
        </li>
      ))}
    </ol>
  );
}

export function TimelineRow({ e, links, expanded, onToggle, focused }: { e: TimelineEvent; links: RowLinks; expanded: boolean; onToggle: () => void; focused: boolean }) {
  const detailId = `tl-detail-${e.id}`;
  const evidence = e.quote ? null : e.reports[0]?.sentence;
  return (
    <article className={`tl-row tl-${intensityClass(e.intensity)}${focused ? ' tl-focused' : ''}`} data-event-id={e.id} aria-label={`${e.id}: ${e.type} ${e.date ?? e.sortDate}`} aria-current={focused ? 'true' : undefined} tabIndex={-1}>
      <div className="tl-head">
        <span className="tl-date">
          <DateLabel e={e} />
        </span>{' '}
        <span className="tl-id">{e.id}</span>{' '}
        <span className="tl-actors">
          <ActorName actor={e.source} /> <span aria-label="to">→</span> <ActorName actor={e.target} />
        </span>{' '}
        <span className="etype">
          {e.type}
          {e.mode ? `/${e.mode}` : ''}
        </span>{' '}
        <Intensity value={e.intensity} /> <Marks e={e} />{' '}
        <span className="reports">
          {e.reportCount} report{e.reportCount === 1 ? '' : 's'}
          {e.outlets.length ? `: ${e.outlets.join(', ')}` : ''}
        </span>
      </div>
      {e.quote ? <q className="tl-quote">{e.quote}</q> : evidence ? <p className="tl-evidence muted">{evidence}</p> : null}
      <Arrows e={e} links={links} />
      {e.reports.length ? (
        <button type="button" className="secondary tl-toggle" aria-expanded={expanded} aria-controls={detailId} onClick={onToggle}>
          {expanded ? 'Hide reports' : `Reports and evidence (${e.reports.length})`}
        </button>
      ) : null}
      <div id={detailId} hidden={!expanded}>
        {expanded ? <Reports e={e} /> : null}
      </div>
    </article>
  );
}
