// One source (GET /sources/{id}, opened with ?id= so the view can be linked): every field the
// API keeps about it, the health first, the full error text included.
import { Link } from 'wouter';
import type { Source } from '../../../src/store/types';
import { useApi } from '../lib/use-api';
import { healthOf, HealthBadge, When } from './sources-health';
import { Loaded } from './states';

function every(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600} h` : seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

export function SourceDetail({ id, back }: { id: string; back: string }) {
  const state = useApi<Source>(`/sources/${encodeURIComponent(id)}`);
  return (
    <section className="card source-detail" aria-labelledby="source-detail-title">
      <Loaded state={state} what={`source ${id}`}>
        {(s) => (
          <>
            <h2 id="source-detail-title">{s.title ?? s.url}</h2>
            <p>
              <HealthBadge health={healthOf(s)} />
            </p>
            {s.lastError ? (
              <p className="source-error" role="note">
                Last error: {s.lastError}
              </p>
            ) : null}
            <dl className="source-facts">
              <dt>URL</dt>
              <dd className="wrap">{s.url}</dd>
              <dt>Kind</dt>
              <dd>{s.kind}</dd>
              <dt>Tags</dt>
              <dd>{s.tags.length ? s.tags.join(', ') : '—'}</dd>
              <dt>Polled every</dt>
              <dd>{every(s.intervalSeconds)}{s.enabled ? '' : ' (disabled)'}</dd>
              <dt>Last poll</dt>
              <dd><When iso={s.lastPolledAt} /></dd>
              <dt>Last success</dt>
              <dd><When iso={s.lastSuccessAt} /></dd>
              <dt>Last error</dt>
              <dd><When iso={s.lastErrorAt} /></dd>
              <dt>Failures in a row</dt>
              <dd>{s.failureStreak}</dd>
              <dt>Items seen</dt>
              <dd>{s.itemsSeen}</dd>
              <dt>Next poll</dt>
              <dd><When iso={s.nextPollAt} /></dd>
              <dt>Conditional GET</dt>
              <dd className="wrap">{s.etag || s.lastModified ? [s.etag && `ETag ${s.etag}`, s.lastModified && `Last-Modified ${s.lastModified}`].filter(Boolean).join('; ') : 'no validators yet'}</dd>
              <dt>Added</dt>
              <dd><When iso={s.createdAt} /></dd>
            </dl>
            <p>
              {s.title ? (
                <>
                  <Link href={`/search?source=${encodeURIComponent(s.title)}`}>Articles from {s.title}</Link> ·{' '}
                </>
              ) : null}
              <Link href={back}>All sources</Link>
            </p>
          </>
        )}
      </Loaded>
    </section>
  );
}
