// Watch rules and alerts: the stored rules in words with their Atom feeds, the add/edit form
// with a dry run (analysts; viewers are told why they see no form), the alerts as they fire
// (live over /stream) and the deliveries with their status. The URL keeps the rule being
// edited (?edit=new|<id>), the rule whose alerts are shown (?rule=) and the delivery status.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AlertsPanel } from '../components/rules-alerts';
import { DeliveriesPanel } from '../components/rules-deliveries';
import { RuleEditor } from '../components/rules-form';
import { RuleList } from '../components/rules-list';
import type { PublicRule } from '../components/rules-model';
import { hasRole, NeedsRole, useRole } from '../components/role';
import { Loaded } from '../components/states';
import { useApi } from '../lib/use-api';
import { useQueryState } from '../lib/query-state';
import './rules.css';

export function Rules() {
  const [query, setQuery] = useQueryState();
  const me = useRole();
  const canEdit = hasRole(me.role, 'analyst');
  const rules = useApi<{ items: PublicRule[] }>('/rules');
  const [saved, setSavedState] = useState<{ text: string; at: number } | null>(null);
  const setSaved = (text: string | null) => setSavedState(text === null ? null : { text, at: Date.now() });
  // After a save or removal the form or row is gone: the focus goes to the message saying so.
  const savedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  const [alertsSeen, setAlertsSeen] = useState(0);
  const onNewAlert = useCallback(() => setAlertsSeen((n) => n + 1), []);
  const ruleId = query.rule && /^\d+$/.test(query.rule) ? Number(query.rule) : null;
  const names = useMemo(() => new Map((rules.data?.items ?? []).map((r) => [r.id, r.name])), [rules.data]);
  const editing = query.edit === 'new' ? null : (rules.data?.items.find((r) => String(r.id) === query.edit) ?? undefined);

  const rulesHref = (id: number) => `/rules?rule=${id}`;
  return (
    <section aria-labelledby="rules-title" className="rules-screen">
      <h1 id="rules-title">Watch rules and alerts</h1>
      <div className="rules-grid">
        <section aria-labelledby="rules-list-title">
          <h2 id="rules-list-title">Rules</h2>
          {me.error ? <p className="state error">Could not tell your role: {me.error.message}</p> : null}
          {me.role && !canEdit ? <NeedsRole needed="analyst" role={me.role} name={me.name} what="Adding, editing and removing rules" /> : null}
          {saved ? (
            <p className="state saved" role="status" tabIndex={-1} ref={savedRef}>
              {saved.text}
            </p>
          ) : null}
          {canEdit && !query.edit ? (
            <button type="button" onClick={() => setQuery({ edit: 'new' }, { push: true })}>
              New rule
            </button>
          ) : null}
          {canEdit && query.edit && editing !== undefined ? (
            <RuleEditor
              key={query.edit}
              rule={editing}
              onCancel={() => setQuery({ edit: '' })}
              onSaved={(r) => {
                setSaved(`Saved “${r.name}”.`);
                setQuery({ edit: '' });
                rules.reload();
              }}
            />
          ) : null}
          {canEdit && query.edit && query.edit !== 'new' && rules.data && editing === undefined ? <p className="state error">There is no rule {query.edit} (it may have been removed).</p> : null}
          <Loaded state={rules} what="rules" empty={(d) => (d.items.length ? null : 'No watch rules yet. A rule alerts you when an event, a personnel move or a spike matches it.')}>
            {(d) => (
              <RuleList
                rules={d.items}
                canEdit={canEdit}
                alertsOf={rulesHref}
                onEdit={(id) => {
                  setSaved(null);
                  setQuery({ edit: String(id) }, { push: true });
                }}
                onRemoved={() => {
                  setSaved('Rule removed.');
                  rules.reload();
                }}
              />
            )}
          </Loaded>
        </section>
        <section aria-labelledby="alerts-title">
          <h2 id="alerts-title">Alerts</h2>
          <div className="filters">
            <label>
              Rule
              <select value={ruleId ?? ''} onChange={(e) => setQuery({ rule: e.target.value })}>
                <option value="">all rules</option>
                {[...names].map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
                {ruleId !== null && !names.has(ruleId) ? <option value={ruleId}>rule {ruleId}</option> : null}
              </select>
            </label>
          </div>
          <AlertsPanel ruleId={ruleId} onNew={onNewAlert} />
        </section>
      </div>
      <section aria-labelledby="deliveries-title">
        <h2 id="deliveries-title">Deliveries</h2>
        <DeliveriesPanel ruleId={ruleId} status={query.delivery ?? ''} onStatus={(delivery) => setQuery({ delivery })} version={alertsSeen} ruleName={(id) => names.get(id) ?? `rule ${id}`} />
      </section>
    </section>
  );
}
