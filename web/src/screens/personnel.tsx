// Personnel: who holds which post in each institution (registry roles updated by what articles
// report) and the recent changes, each with its evidence sentence. Filters in the URL: org,
// person, country (registry actors of that country), since, until (holders as of that day).
import { useCallback, useMemo } from 'react';
import type { InstitutionPosts, PersonnelChange } from '../../../src/insights/personnel';
import { ChangesFeed } from '../components/personnel-changes';
import { useCountryActors } from '../components/personnel-country';
import { UrlFilters, type FilterField } from '../components/url-filters';
import { HoldersByInstitution } from '../components/personnel-holders';
import { Failure, Loaded, Loading } from '../components/states';
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

/** The institutions with only the posts the country keeps (its institutions, or its people elsewhere). */
function byCountry(institutions: InstitutionPosts[], ids: Set<string>): InstitutionPosts[] {
  return institutions
    .map((inst) => (inst.id !== null && ids.has(inst.id) ? inst : { ...inst, holders: inst.holders.filter((h) => ids.has(h.personKey)) }))
    .filter((inst) => inst.holders.length > 0);
}

export function Personnel() {
  const [query] = useQueryState();
  const params = useMemo(() => ({ org: query.org, person: query.person, since: query.since, until: query.until }), [query.org, query.person, query.since, query.until]);
  const holders = useApi<{ asOf: string; institutions: InstitutionPosts[] }>('/personnel', params);
  const country = useCountryActors(query.country);
  const ids = country.ids;
  const keep = useCallback((c: PersonnelChange) => !ids || (c.institution.id !== null && ids.has(c.institution.id)) || ids.has(c.personKey), [ids]);

  const countryState = country.error ? <Failure error={country.error} /> : country.loading ? <Loading what={`the registry's actors of ${query.country ?? ''}`} /> : null;
  return (
    <section aria-labelledby="personnel-title" className="personnel-screen">
      <h1 id="personnel-title">Personnel</h1>
      <UrlFilters fields={FIELDS} label="Personnel filters" />
      <div className="personnel-grid">
        <section aria-labelledby="holders-title">
          <h2 id="holders-title">Who holds which post{holders.data ? <span className="muted"> — as of {holders.data.asOf}</span> : null}</h2>
          {countryState ?? (
            <Loaded
              state={holders}
              what="post holders"
              empty={(d) => ((ids ? byCountry(d.institutions, ids) : d.institutions).length ? null : 'No post holders for these filters. The registry and stored articles name none.')}
            >
              {(d) => <HoldersByInstitution institutions={ids ? byCountry(d.institutions, ids) : d.institutions} />}
            </Loaded>
          )}
        </section>
        <section aria-labelledby="changes-title">
          <h2 id="changes-title">Recent changes</h2>
          <p className="hint">Appointments, dismissals, resignations … as articles report them, with the sentence each was read in.</p>
          {countryState ?? <ChangesFeed params={params} keep={keep} />}
        </section>
      </div>
    </section>
  );
}
