// Briefs: build a brief for a window and focus country (POST /briefs, analyst), read it rendered
// from its data (ranked items with evidence links, who answered whom, personnel moves, trend
// lines), open saved ones (GET /briefs; ?id= in the URL loads GET /briefs/{id}?format=json),
// print it (a print stylesheet keeps only the brief) and download it as Markdown or HTML.
import { useState } from 'react';
import { api } from '../api/client';
import type { Brief } from '../../../src/briefs/types';
import type { BriefSummary } from '../../../src/store/briefs';
import { BriefActions, type BriefRequest } from '../components/brief-export';
import { BriefForm } from '../components/brief-form';
import { BriefList } from '../components/brief-list';
import { BriefView } from '../components/brief-view';
import { hasRole, NeedsRole, useRole } from '../components/role';
import { Loaded, Loading } from '../components/states';
import { useApi } from '../lib/use-api';
import { useQueryState } from '../lib/query-state';
import './briefs.css';

interface Generated {
  request: BriefRequest;
  brief: Brief;
}

function SavedBrief({ id }: { id: number }) {
  const state = useApi<Brief>(`/briefs/${id}`, { format: 'json' });
  return (
    <Loaded state={state} what={`brief #${id}`}>
      {(brief) => (
        <>
          <BriefActions brief={brief} source={{ saved: id }} />
          <p className="brief-status muted">Saved brief #{id}.</p>
          <BriefView brief={brief} headingId="brief-doc-title" />
        </>
      )}
    </Loaded>
  );
}

export function Briefs() {
  const [query, setQuery] = useQueryState();
  const list = useApi<{ items: BriefSummary[] }>('/briefs');
  const [generated, setGenerated] = useState<Generated | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const openId = /^\d+$/.test(query.id ?? '') ? Number(query.id) : null;
  // Viewers are told up front instead of being offered a form the API refuses (a refusal, should
  // the role change meanwhile, is explained by the form too).
  const me = useRole();
  const form = me.error || hasRole(me.role, 'analyst') ? (
    <BriefForm query={query} setQuery={setQuery} busy={busy} error={error} onGenerate={(r, s) => void generate(r, s)} />
  ) : me.role ? (
<NeedsRole needed="analyst" role={me.role} name={me.name} what="Generating briefs" />
  ) : (
    <Loading what="your role" />
  );

  async function generate(request: BriefRequest, save: boolean) {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ id: number | null; brief: Brief }>('/briefs', { ...request, format: 'md', save });
      if (res.id !== null) {
        setGenerated(null);
        list.reload();
        setQuery({ id: String(res.id) }, { push: true });
      } else {
        setGenerated({ request, brief: res.brief });
        setQuery({ id: '' }, { push: true });
      }
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="briefs-screen" aria-labelledby="briefs-title">
      <h1 id="briefs-title" className="brief-screen-title">
        Briefs
      </h1>
      <div className="brief-layout">
        <div className="brief-side">
          {form}
          <BriefList state={list} current={openId} />
        </div>
        <div className="brief-main" aria-live="polite">
          {openId !== null ? (
            <SavedBrief id={openId} />
          ) : generated ? (
            <>
              <BriefActions brief={generated.brief} source={{ request: generated.request }} />
              <p className="brief-status muted">Not saved: tick “Save it to the list” to keep it.</p>
              <BriefView brief={generated.brief} headingId="brief-doc-title" />
            </>
          ) : (
            <div className="state empty brief-status">{hasRole(me.role, 'analyst') ? 'Generate a brief with the form, or open a saved one from the list.' : 'Open a saved brief from the list.'}</div>
          )}
        </div>
      </div>
    </section>
  );
}
