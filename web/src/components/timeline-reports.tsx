// The reports of a merged event, one item per article: reportCount counts articles, and an
// article may tell the event more than once (a quote split over two sentences, a statement and
// the typed event it carries, two related acts in one sentence), so its reports are shown
// together: each distinct evidence sentence once, and the other types the article coded it as.
import { Link } from 'wouter';
import type { TimelineEvent, TimelineReport } from '../api/types';
import { evidenceHref } from './timeline-data';

export interface ArticleReports {
  articleId: number;
  /** The article's reports of the event, in their order. */
  reports: TimelineReport[];
}

/** Reports grouped by article, in the order the articles first appear. */
export function byArticle(reports: TimelineReport[]): ArticleReports[] {
  const groups = new Map<number, ArticleReports>();
  for (const r of reports) {
    const g = groups.get(r.articleId);
    if (g) g.reports.push(r);
    else groups.set(r.articleId, { articleId: r.articleId, reports: [r] });
  }
  return [...groups.values()];
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function ArticleItem({ e, group }: { e: TimelineEvent; group: ArticleReports }) {
  const first = group.reports[0]!;
  const sentences = [...new Set(group.reports.map((r) => r.sentence))];
  const otherTypes = [...new Set(group.reports.map((r) => r.type))].filter((t) => t !== e.type);
  const modalities = [...new Set(group.reports.map((r) => r.modality))].filter((m) => m !== 'asserted');
  return (
    <li>
      <span className="tl-outlet">{first.source ?? hostOf(first.url)}</span> <span className="muted">{first.published?.slice(0, 10) ?? 'undated'}</span>
      {modalities.map((m) => (
        <span key={m} className={`tl-mark tl-${m}`}>
          {m}
        </span>
      ))}
      {otherTypes.length ? <span className="muted"> also coded {otherTypes.join(', ')}</span> : null}
      {sentences.map((s) => (
        <div key={s}>
          <blockquote className="tl-sentence">{s}</blockquote>
          <Link href={evidenceHref(group.articleId, s)}>Open in the article</Link>
        </div>
      ))}{' '}
      <a href={first.url} rel="noopener noreferrer" target="_blank" className="muted">
        original<span className="visually-hidden"> (opens {first.url})</span>
      </a>
    </li>
  );
}

export function TimelineReports({ e, groups }: { e: TimelineEvent; groups: ArticleReports[] }) {
  return (
    <ol className="tl-reports" aria-label={`Reports of ${e.id}`}>
      {groups.map((g) => (
        <ArticleItem key={g.articleId} e={e} group={g} />
      ))}
    </ol>
  );
}
