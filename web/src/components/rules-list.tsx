// The stored watch rules: what each watches, in words, how it delivers, its Atom feed, and for
// analysts Edit and Remove (removal asks first: it takes the rule's alerts with it).
import { Link } from 'wouter';
import { api } from '../api/client';
import { ConfirmRemove } from './confirm-remove';
import { describeMatch, type PublicRule } from './rules-model';

function Deliveries({ rule }: { rule: PublicRule }) {
  if (!rule.spec.deliver.length) return <span className="muted">Atom feed only</span>;
  return <>{rule.spec.deliver.map((d) => (d.kind === 'webhook' ? `webhook ${d.url}` : `log ${d.sink !== undefined ? `sink ${d.sink}` : '(server log)'}`)).join('; ')}</>;
}

function RemoveButton({ rule, onRemoved }: { rule: PublicRule; onRemoved: () => void }) {
  return (
    <ConfirmRemove
      name={rule.name}
      question={<>Remove “{rule.name}” and all its alerts?</>}
      remove={async () => {
        await api.del(`/rules/${rule.id}`);
        onRemoved();
      }}
    />
  );
}

export function RuleList({ rules, canEdit, onEdit, onRemoved, alertsOf }: { rules: PublicRule[]; canEdit: boolean; onEdit: (id: number) => void; onRemoved: () => void; alertsOf: (id: number) => string }) {
  return (
    <ul className="rule-list" aria-label="Watch rules">
      {rules.map((r) => (
        <li key={r.id} className="card rule-item">
          <div className="rule-head">
            <h3 className="rule-name">{r.name}</h3> {r.spec.enabled ? <span className="tag tag-ok">enabled</span> : <span className="tag tag-off">disabled: does not fire</span>}
            {r.origin === 'file' ? <span className="tag">from the rules file</span> : null}
          </div>
          {r.refused ? <p className="state error" role="alert">{r.refused}</p> : null}
          {r.spec.description ? <p className="rule-description">{r.spec.description}</p> : null}
          <p className="rule-match">Fires on {describeMatch(r.spec)}.</p>
          <p className="muted">
            Delivers to: <Deliveries rule={r} />
          </p>
          <div className="button-row">
            <Link href={alertsOf(r.id)}>Alerts of this rule</Link>
            {/* Outside /ui: the API serves the feed; the feed token lets a feed reader in without an API token. */}
            <a href={`/rules/${r.id}/atom?token=${encodeURIComponent(r.feedToken)}`} type="application/atom+xml">
              Atom feed<span className="visually-hidden"> of {r.name}</span>
            </a>
            {canEdit ? (
              <>
                <button type="button" className="secondary" onClick={() => onEdit(r.id)}>
                  Edit<span className="visually-hidden"> {r.name}</span>
                </button>
                <RemoveButton rule={r} onRemoved={onRemoved} />
              </>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
