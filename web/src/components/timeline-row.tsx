// One merged event of the timeline: date, source → target, type/mode, intensity, negation and
// modality marks, reports and outlets, the quote; the response arrows (what it answers, what
// answers it) as links; and, expanded, its reports (one per article) with their evidence.
import { Link } from 'wouter';
import type { TimelineEvent } from '../api/types';
import { ActorName } from './event-line';
import { Intensity, intensityClass } from './intensity';
import { timelineHref, type Answer } from './timeline-data';
import { byArticle, TimelineReports } from './timeline-reports';

export interface RowLinks {
  /** The screen's query, kept in the arrows' links (filters stay as they are). */
  query: Record<string, string>;
  answeredBy: Answer[];
}

function DateLabel({ e }: { e: TimelineEvent }) {
  // No report's text dates it: the day it was first reported, and said to be so.
  if (e.datePrecision === 'published') {
    return <time dateTime={e.sortDate} title="no report dates it: the day it was first reported">{e.sortDate} <span className="muted">(reported)</span></time>;
  }
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

export function TimelineRow({ e, links, expanded, onToggle, focused }: { e: TimelineEvent; links: RowLinks; expanded: boolean; onToggle: () => void; focused: boolean }) {
  const detailId = `tl-detail-${e.id}`;
  const evidence = e.quote ? null : e.reports[0]?.sentence;
  const groups = byArticle(e.reports);
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
        <span className="reports" title="articles reporting this event">
          {e.reportCount} report{e.reportCount === 1 ? '' : 's'}
          {e.outlets.length ? `: ${e.outlets.join(', ')}` : ''}
        </span>
      </div>
      {e.quote ? <q className="tl-quote">{e.quote}</q> : evidence ? <p className="tl-evidence muted">{evidence}</p> : null}
      <Arrows e={e} links={links} />
      {groups.length ? (
        <button type="button" className="secondary tl-toggle" aria-expanded={expanded} aria-controls={detailId} onClick={onToggle}>
          {expanded ? 'Hide reports' : `Reports and evidence (${groups.length})`}
        </button>
      ) : null}
      <div id={detailId} hidden={!expanded}>
        {expanded ? <TimelineReports e={e} groups={groups} /> : null}
      </div>
    </article>
  );
}
