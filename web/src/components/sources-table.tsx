// The sources table: kind, tags, health in words, last success and last error (with its text),
// failure streak, items seen and next poll. Rows needing attention are marked in words and
// colour. Admins get a Remove button per row that asks first.
import { Link } from 'wouter';
import type { Source } from '../../../src/store/types';
import { api } from '../api/client';
import { ConfirmRemove } from './confirm-remove';
import { healthOf, HealthBadge, When } from './sources-health';

function RemoveSource({ source, onRemoved }: { source: Source; onRemoved: (s: Source) => void }) {
  const name = source.title ?? source.url;
  return (
    <ConfirmRemove
      name={name}
      question={<>Stop polling “{name}”? Its stored articles stay.</>}
      remove={async () => {
        await api.del(`/sources/${source.id}`);
        onRemoved(source);
      }}
    />
  );
}

export function SourcesTable({ sources, canRemove, onRemoved, detailHref }: { sources: Source[]; canRemove: boolean; onRemoved: (s: Source) => void; detailHref: (id: number) => string }) {
  const now = Date.now();
  return (
    <div className="sources-table" role="region" aria-label="Sources table (scrolls sideways)" tabIndex={0}>
      <table>
        <caption className="visually-hidden">Sources and their health</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Kind</th>
            <th scope="col">Tags</th>
            <th scope="col">Health</th>
            <th scope="col">Last success</th>
            <th scope="col">Last error</th>
            <th scope="col">Failures in a row</th>
            <th scope="col">Items seen</th>
            <th scope="col">Next poll</th>
            {canRemove ? <th scope="col">Remove</th> : null}
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => {
            const health = healthOf(s, now);
            return (
              <tr key={s.id} className={`source-row source-${health.level}`}>
                <td className="wrap">
                  <Link href={detailHref(s.id)}>{s.title ?? s.url}</Link>
                  <div className="muted source-url">{s.url}</div>
                </td>
                <td>{s.kind}</td>
                <td>{s.tags.length ? s.tags.map((t) => <span key={t} className="tag">{t}</span>) : <span className="muted">—</span>}</td>
                <td>
                  <HealthBadge health={health} />
                </td>
                <td>
                  <When iso={s.lastSuccessAt} now={now} />
                </td>
                <td className="wrap">
                  {s.lastError ? (
                    <>
                      <When iso={s.lastErrorAt} now={now} />
                      <div className="source-error">{s.lastError}</div>
                    </>
                  ) : (
                    <span className="muted">none</span>
                  )}
                </td>
                <td className="num">{s.failureStreak}</td>
                <td className="num">{s.itemsSeen}</td>
                <td>{s.enabled ? <When iso={s.nextPollAt} now={now} /> : <span className="muted">not scheduled</span>}</td>
                {canRemove ? (
                  <td>
                    <RemoveSource source={s} onRemoved={onRemoved} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
