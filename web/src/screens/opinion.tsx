// Columnists and readers: opinion and analysis authors placed on the issue's hawkish (−1) ↔
// engagement (+1) axis with their trend and evidence (GET /columnists), and reader comments per
// article or topic with their tone, position distribution and divergence from the author (GET
// /readers). Filters in the URL: issue, since, until, topic, article.
import { useState } from 'react';
import { Link } from 'wouter';
import type { ColumnistsReport, ReadersReport } from '../../../src/opinion/report';
import { ColumnistAxis } from '../components/opinion-axis';
import { authorAnchor, ColumnistCard } from '../components/opinion-columnist';
import { ReaderArticleCard, ReaderTotals } from '../components/opinion-readers';
import { UrlFilters, type FilterField } from '../components/url-filters';
import { Loaded } from '../components/states';
import { useApi } from '../lib/use-api';
import { useQueryState, type Query } from '../lib/query-state';
import './opinion.css';

const FIELDS: FilterField[] = [
  { name: 'issue', label: 'Issue', placeholder: 'engagement-vs-pressure', hint: 'an issue of data/lexicon/positions.yaml' },
  { name: 'since', label: 'Since', type: 'date' },
  { name: 'until', label: 'Until', type: 'date' },
  { name: 'topic', label: 'Readers: topic', placeholder: 'sanctions', hint: 'articles the full-text search matches' },
];
const SHOW = 20;

/** This screen's URL with the same filters and one change (an empty value drops the filter). */
function withQuery(query: Query, patch: Query): string {
  const p = new URLSearchParams({ ...query, ...patch });
  for (const [k, v] of [...p]) if (!v) p.delete(k);
  const s = p.toString();
  return s ? `/opinion?${s}` : '/opinion';
}

/** Moves the focus to an author's card (the axis rows are buttons, not links: the URL keeps filters only). */
function focusAuthor(author: string) {
  const el = document.getElementById(authorAnchor(author));
  el?.scrollIntoView({ block: 'start' });
  el?.focus();
}

function Columnists({ report, readersHref }: { report: ColumnistsReport; readersHref: (articleId: number) => string }) {
  const [shown, setShown] = useState(SHOW);
  const list = report.columnists.slice(0, shown);
  return (
    <>
      <ColumnistAxis columnists={list} onPick={focusAuthor} />
      <div className="columnist-cards">
        {list.map((c) => (
          <ColumnistCard key={c.author} c={c} readersHref={readersHref} />
        ))}
      </div>
      {report.columnists.length > shown ? (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + SHOW)}>
          Show more authors ({report.columnists.length - shown} not shown)
        </button>
      ) : null}
    </>
  );
}

function Readers({ report }: { report: ReadersReport }) {
  const [shown, setShown] = useState(SHOW);
  const scope = report.scope.kind === 'topic' ? `Articles about “${report.scope.topic}”` : report.scope.kind === 'article' ? 'This article' : 'All articles with comments';
  return (
    <>
      {report.scope.kind !== 'article' && report.articles.length > 1 ? <ReaderTotals total={report.total} label={`${scope}: all their comments together`} /> : null}
      <ul className="reader-articles" aria-label="Reader comments per article">
        {report.articles.slice(0, shown).map((a) => (
          <ReaderArticleCard key={a.articleId} a={a} />
        ))}
      </ul>
      {report.articles.length > shown ? (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + SHOW)}>
          Show more articles ({report.articles.length - shown} not shown)
        </button>
      ) : null}
    </>
  );
}

export function Opinion() {
  const [query] = useQueryState();
  const range = { issue: query.issue, since: query.since, until: query.until };
  const columnists = useApi<ColumnistsReport>('/columnists', range);
  const readers = useApi<ReadersReport>('/readers', { ...range, article: query.article, topic: query.article ? undefined : query.topic });
  const issue = columnists.data?.issue ?? readers.data?.issue;
  return (
    <section aria-labelledby="opinion-title" className="opinion-screen">
      <h1 id="opinion-title">Columnists and readers</h1>
      <UrlFilters fields={FIELDS} label="Opinion filters" />
      {issue ? (
        <p className="muted">
          Issue: <strong>{issue.label}</strong>. Positions run from −1 (hawkish: pressure, sanctions, force) to +1 (engagement: talks, aid, relief); they are read from
          cue words in the text, so check the evidence sentences (method: docs/opinion.md in the Readout repository).
        </p>
      ) : null}
        <section aria-labelledby="columnists-title">
          <h2 id="columnists-title">Columnists</h2>
          <Loaded state={columnists} what="columnists" empty={(d) => (d.columnists.length ? null : 'No signed opinion or analysis piece in this period. Pieces without a byline are left out.')}>
            {(d) => <Columnists report={d} readersHref={(id) => withQuery(query, { article: String(id) })} />}
          </Loaded>
        </section>
        <section aria-labelledby="readers-title">
          <h2 id="readers-title">Reader comments</h2>
          {query.article ? (
            <p>
              Comments on one article. <Link href={withQuery(query, { article: '' })}>Show all articles</Link>
            </p>
          ) : null}
          <Loaded state={readers} what="reader comments" empty={(d) => (d.articles.length ? null : 'No stored comments on these articles. Comments come from pages with comment sections and comment feeds.')}>
            {(d) => <Readers report={d} />}
          </Loaded>
        </section>
    </section>
  );
}
