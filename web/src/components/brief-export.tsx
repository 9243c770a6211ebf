// Print and export a brief. Markdown and HTML are the server's renderings, fetched with the
// token (a saved brief by id; an unsaved one is built again with the same request) and handed
// to the browser as a file through a Blob and <a download>. Nothing is injected into the page.
import { useState } from 'react';
import { ApiFailure, authHeaders } from '../api/client';
import type { Brief } from '../../../src/briefs/types';

export interface BriefRequest {
  since: string;
  until?: string;
  focus?: string;
  limit?: number;
}

export type BriefSource = { saved: number } | { request: BriefRequest };
type Format = 'md' | 'html';

async function text(res: Response): Promise<string> {
  if (res.ok) return res.text();
  let message = `${res.status} ${res.statusText}`;
  try {
    message = ((await res.json()) as { error?: { message?: string } }).error?.message ?? message;
  } catch {
    // Not JSON: keep the status line.
  }
  throw new ApiFailure(res.status, `http_${res.status}`, message);
}

/** The brief as Markdown or HTML, from the server. */
export async function renderedBrief(source: BriefSource, format: Format): Promise<string> {
  if ('saved' in source) return text(await fetch(`/briefs/${source.saved}?format=${format}`, { headers: authHeaders() }));
  const res = await fetch('/briefs', { method: 'POST', headers: { ...authHeaders(), 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ ...source.request, format, save: false }) });
  return ((JSON.parse(await text(res)) as { content: string }).content);
}

export function saveFile(content: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function fileName(brief: Brief, format: Format): string {
  const parts = ['readout-brief', brief.focus?.toLowerCase(), brief.since, brief.until !== brief.since ? brief.until : null].filter(Boolean);
  return `${parts.join('-')}.${format}`;
}

export function BriefActions({ brief, source }: { brief: Brief; source: BriefSource }) {
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function exportAs(format: Format) {
    setBusy(format);
    setError(null);
    try {
      const content = await renderedBrief(source, format);
      saveFile(content, fileName(brief, format), format === 'md' ? 'text/markdown;charset=utf-8' : 'text/html;charset=utf-8');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  }
  return (
    <div className="brief-actions" role="toolbar" aria-label="Brief actions">
      <button type="button" onClick={() => window.print()}>
        Print
      </button>
      <button type="button" className="secondary" disabled={busy !== null} onClick={() => void exportAs('md')}>
        {busy === 'md' ? 'Preparing…' : 'Download Markdown'}
      </button>
      <button type="button" className="secondary" disabled={busy !== null} onClick={() => void exportAs('html')}>
        {busy === 'html' ? 'Preparing…' : 'Download HTML'}
      </button>
      {error ? (
        <span role="alert" className="brief-error">
          Export failed: {error}
        </span>
      ) : null}
    </div>
  );
}
