// Personnel: who holds which post in each institution (registry roles updated by what articles
// report) and the recent changes, each with its evidence sentence. Filters in the URL: org,
// person, country (its registry institutions and people), since, until (holders as of that day).
import { useMemo } from 'react';
import type { InstitutionPosts } from '../../../src/insights/personnel';
import { ChangesFeed } from '../components/personnel-changes';
import { UrlFilters, type FilterField } from '../components/url-filters';
import { HoldersByInstitution } from '../components/personnel-holders';
import { Loaded } from '../components/states';
import { useApi } from '../lib/use-api';
import { useQueryState } from '../lib/query-state';
import './personnel.css';

const FIELDS: FilterField[] = [
  { name: 'org', label: 'Institution', placeholder: 'KCNA, org:prk-mfa', hint: 'registry id, name or alias' },
  { name: 'person', label: 'Person', placeholder: 'Choe Son Hui' },
  { name: 'country', label: 'Country', placeholder: 'PRK', hint: 'ISO code; registry actors only' },
  { name: 'since', label: 'Since', type: 'date' },
  { name: 'until', label: 'Until (holders as of)', type: 'date' },
];

export function Personnel() {
  const [query] = useQueryState();
  const params = useMemo(
    () => ({ org: query.org, person: query.person, country: query.country, since: query.since, until: query.until }),
    [query.org, query.person, query.country, query.since, query.until],
  );
  const holders = useApi<{ asOf: string; institutions: InstitutionPosts[] }>('/personnel', params);
  return (
    <section aria-labelledby="personnel-title" className="personnel-screen">
      <h1 id="personnel-title">Personnel</h1>
      <UrlFilters fields={FIELDS} label="Personnel filters" />
      <div className="personnel-grid">
        <section aria-labelledby="holders-title">
          <h2 id="holders-title">Who holds which post{holders.data ? <span className="muted"> — as of {holders.data.asOf}</span> : null}</h2>
          <Loaded state={holders} what="post holders" empty={(d) => (d.institutions.length ? null : 'No post holders for these filters. The registry and stored articles name none.')}>
            {(d) => <HoldersByInstitution institutions={d.institutions} />}
          </Loaded>
        </section>
        <section aria-labelledby="changes-title">
          <h2 id="changes-title">Recent changes</h2>
          <p className="hint">Appointments, dismissals, resignations … as articles report them, with the sentence each was read in.</p>
          <ChangesFeed params={params} />
        </section>
      </div>
    </section>
  );
}
