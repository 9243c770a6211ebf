// The raw archived document (GET /articles/{id}/raw): HTML rendered sanitised (article-raw-html.ts),
// or the document as source text. A 404 means nothing was archived for this article.
import { useEffect, useMemo, useRef } from 'react';
import { ApiFailure } from '../api/client';
import { useApi } from '../lib/use-api';
import { sanitiseRaw } from './article-raw-html';
import { Failure, Loading } from './states';

interface RawDocument {
  id: number;
  url?: string;
  finalUrl?: string;
  contentType: string;
  charset?: string;
  fetchedAt?: string;
  status?: number;
  bytes: number;
  truncated?: boolean;
  raw: string;
}

function SanitisedHtml({ html, pageUrl }: { html: string; pageUrl: string }) {
  const box = useRef<HTMLDivElement>(null);
  const fragment = useMemo(() => sanitiseRaw(html, pageUrl), [html, pageUrl]);
  // The sanitised nodes are placed directly (no HTML string is parsed again).
  useEffect(() => {
    box.current?.replaceChildren(fragment.cloneNode(true));
  }, [fragment]);
  return <div ref={box} className="article-raw-html" aria-label="Raw document, sanitised" role="document" />;
}

const size = (n: number) => (n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`);

export function ArticleRaw({ id, asSource, articleUrl }: { id: string; asSource: boolean; articleUrl: string }) {
  const state = useApi<RawDocument>(`/articles/${encodeURIComponent(id)}/raw`);
  if (state.error instanceof ApiFailure && state.error.status === 404)
    return (
      <div className="state empty article-no-raw" role="status">
        <strong>No raw document is archived for this article.</strong> Only the extracted text was stored (or the archive no longer holds the original), so there is nothing
        to compare the text with. <span className="muted">({state.error.message})</span>
      </div>
    );
  if (state.error) return <Failure error={state.error} retry={state.reload} />;
  if (!state.data) return <Loading what="the raw document" />;
  const doc = state.data;
  const isHtml = /html|xhtml/i.test(doc.contentType);
  return (
    <div className="article-raw">
      <p className="muted">
        {doc.contentType} · {size(doc.bytes)}
        {doc.charset ? ` · decoded as ${doc.charset}` : ''}
        {doc.status ? ` · HTTP ${doc.status}` : ''}
        {doc.fetchedAt ? ` · archived ${doc.fetchedAt.slice(0, 16).replace('T', ' ')}` : ''}
        {doc.finalUrl && doc.finalUrl !== doc.url ? ` · after redirects: ${doc.finalUrl}` : ''}
      </p>
      {doc.truncated ? <p className="state">Only the first {size(doc.raw.length)} of the document are shown.</p> : null}
      {!asSource && isHtml ? (
        <>
          <p className="hint">Rendered without scripts, styles, forms or anything loaded from elsewhere.</p>
          <SanitisedHtml html={doc.raw} pageUrl={doc.finalUrl ?? doc.url ?? articleUrl} />
        </>
      ) : (
        <>
          {!asSource ? <p className="hint">This document is not HTML; it is shown as text.</p> : null}
          <pre className="article-raw-source" tabIndex={0} aria-label="Raw document source">
            {doc.raw}
          </pre>
        </>
      )}
    </div>
  );
}
