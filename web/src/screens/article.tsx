// Article view (/articles/:id): the header, the extracted text with the analysis highlighted in
// place (entities by type, quotes, event sentences and triggers, dates), a side panel listing them
// (choosing one shows it in the text), ?evidence=<sentence> to highlight the sentence another screen
// cites, ?view=raw|source for the archived original, and the reader comments.
import { useMemo, useState } from 'react';
import { useParams } from 'wouter';
import type { ReaderComment } from '../../../src/core/types';
import type { StoredAnalysis, StoredArticle } from '../../../src/store/types';
import { ArticleComments } from '../components/article-comments';
import { ArticleHeader } from '../components/article-header';
import { ArticleLegend, type Toggleable } from '../components/article-legend';
import { ArticlePanel } from '../components/article-panel';
import { ArticleRaw } from '../components/article-raw';
import { annotations, findSentence, type Annotation } from '../components/article-spans';
import { ArticleText, type Selection } from '../components/article-text';
import { Loaded } from '../components/states';
import { useApi } from '../lib/use-api';
import { useQueryState, type Query } from '../lib/query-state';
import './article.css';

interface ArticleDetail {
  article: StoredArticle;
  analysis: StoredAnalysis | null;
  comments: ReaderComment[];
}

const VIEWS: [string, string][] = [
  ['', 'Extracted text'],
  ['raw', 'Raw document'],
  ['source', 'Raw source'],
];

function ViewSwitch({ view, onView }: { view: string; onView: (v: string) => void }) {
  return (
    <fieldset className="article-views">
      <legend>Show</legend>
      {VIEWS.map(([v, label]) => (
        <label key={v}>
          <input type="radio" name="article-view" value={v} checked={view === v} onChange={() => onView(v)} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

function EvidenceNote({ sentence, found, onClear }: { sentence: string; found: boolean; onClear: () => void }) {
  return (
    <div className={`article-evidence-note${found ? '' : ' state error'}`} role="status">
      {found ? 'Highlighted: the sentence this fact was taken from.' : <>The evidence sentence was not found in this article’s text: “{sentence}”</>}{' '}
      <button type="button" className="secondary" onClick={onClear}>
        Clear
      </button>
    </div>
  );
}

function ArticleBody({ detail, query, setQuery }: { detail: ArticleDetail; query: Query; setQuery: (q: Partial<Query>) => void }) {
  const { article, analysis: stored, comments } = detail;
  const analysis = stored?.analysis ?? null;
  const text = analysis?.document.text ?? article.text;
  const [selection, setSelection] = useState<Selection | null>(null);
  const [hidden, setHidden] = useState<Set<Toggleable>>(new Set());
  const view = query.view === 'raw' || query.view === 'source' ? query.view : '';
  const evidence = useMemo(() => (query.evidence ? findSentence(text, query.evidence) : null), [text, query.evidence]);
  const base = useMemo(() => (analysis ? annotations(analysis) : []), [analysis]);
  const shown = useMemo(() => {
    const keep = base.filter((a) => a.key === selection?.key || !hidden.has((a.layer === 'sentence' ? 'trigger' : a.layer) as Toggleable));
    const ev: Annotation[] = evidence ? [{ key: 'evidence', layer: 'evidence', ...evidence, title: 'evidence sentence' }] : [];
    return [...ev, ...keep];
  }, [base, hidden, selection, evidence]);

  const select = (key: string) => {
    if (view) setQuery({ view: '' });
    setSelection((cur) => (cur?.key === key ? { key, nth: cur.nth + 1 } : { key, nth: 0 }));
  };
  const toggle = (layer: Toggleable) =>
    setHidden((cur) => {
      const next = new Set(cur);
      if (!next.delete(layer)) next.add(layer);
      return next;
    });

  return (
    <article aria-labelledby="article-title" className="article-screen">
      <ArticleHeader article={article} />
      <ViewSwitch view={view} onView={(v) => setQuery({ view: v })} />
      <div className={analysis && !view ? 'article-layout' : 'article-layout single'}>
        <div className="article-main">
          {view ? (
            <ArticleRaw id={String(article.id)} asSource={view === 'source'} articleUrl={article.url} />
          ) : (
            <>
              {query.evidence ? <EvidenceNote sentence={query.evidence} found={!!evidence} onClear={() => setQuery({ evidence: '' })} /> : null}
              {analysis ? (
                <ArticleLegend hidden={hidden} onToggle={toggle} />
              ) : (
                <p className="state">Not analysed yet: the text is shown without highlights. Analysis runs as articles are stored (`readout analyze` re-runs it).</p>
              )}
              <ArticleText text={text} annotations={shown} selection={selection} evidenceFound={!!evidence} language={article.language} />
            </>
          )}
        </div>
        {analysis && !view ? <ArticlePanel analysis={analysis} active={selection?.key ?? null} onSelect={select} /> : null}
      </div>
      <ArticleComments comments={comments} />
    </article>
  );
}

export function Article() {
  const { id = '' } = useParams<{ id: string }>();
  const [query, setQuery] = useQueryState();
  const state = useApi<ArticleDetail>(/^\d+$/.test(id) ? `/articles/${id}` : null);
  if (!/^\d+$/.test(id)) return <p className="state error">“{id}” is not an article id.</p>;
  return (
    <Loaded state={state} what="the article">
      {(detail) => <ArticleBody key={detail.article.id} detail={detail} query={query} setQuery={setQuery} />}
    </Loaded>
  );
}
