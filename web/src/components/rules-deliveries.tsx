// Push deliveries of alerts (GET /deliveries): where each went, whether it arrived, how many
// attempts it took and the last error, so a broken webhook is noticed. Reloaded when new alerts
// arrive (each may add deliveries) and on demand.
import { useEffect } from 'react';
import type { AlertDelivery } from '../../../src/store/alerts';
import { useApi } from '../lib/use-api';
import { Loaded } from './states';

const STATUS_WORDS: Record<AlertDelivery['status'], string> = { pending: 'pending (will retry)', delivered: 'delivered', failed: 'failed (gave up)' };
const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

export function DeliveriesPanel({ ruleId, status, onStatus, version, ruleName }: { ruleId: number | null; status: string; onStatus: (s: string) => void; version: number; ruleName: (id: number) => string }) {
  const state = useApi<{ items: AlertDelivery[] }>('/deliveries', { rule: ruleId, status: status || undefined, limit: 50 });
  const { reload } = state;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  return (
    <>
      <div className="filters">
        <label>
          Delivery status
          <select value={status} onChange={(e) => onStatus(e.target.value)}>
            <option value="">all</option>
            <option value="pending">pending</option>
            <option value="delivered">delivered</option>
            <option value="failed">failed</option>
          </select>
        </label>
        <button type="button" className="secondary" onClick={reload}>
          Refresh deliveries
        </button>
      </div>
      <Loaded state={state} what="deliveries" empty={(d) => (d.items.length ? null : 'No deliveries. A rule with a webhook or log delivery adds one per alert; the Atom feed needs none.')}>
        {(d) => (
          <div className="rules-table" tabIndex={0} role="region" aria-label="Deliveries table">
            <table>
              <caption className="visually-hidden">Alert deliveries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Alert</th>
                  <th scope="col">Rule</th>
                  <th scope="col">To</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last error</th>
                  <th scope="col">Next attempt / delivered</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((x) => (
                  <tr key={x.id} className={`delivery-${x.status}`}>
                    <td>#{x.alertId}</td>
                    <td>{ruleName(x.ruleId)}</td>
                    <td className="wrap">
                      {x.kind} {x.kind === 'log' && x.target === 'log' ? '(server log)' : x.target}
                    </td>
                    <td>
                      <span className={`status status-${x.status}`}>{STATUS_WORDS[x.status]}</span>
                      {x.responseStatus !== null ? <span className="muted"> HTTP {x.responseStatus}</span> : null}
                    </td>
                    <td>{x.attempts}</td>
                    <td className="wrap">{x.lastError ?? '—'}</td>
                    <td>{x.status === 'delivered' ? when(x.deliveredAt) : when(x.nextAttemptAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
    </>
  );
}
