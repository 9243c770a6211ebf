import { describe, expect, it } from 'vitest';
import type { Actor, AliasHit } from '../registry/types.js';
import { changeFeed, changesInCountry, currentHolders, holdersInCountry, institutionOf, orgMatcher, UNNAMED_INSTITUTION, type InstitutionPosts, type PersonnelChange } from './personnel.js';
import type { RoleRecord } from './types.js';

// A tiny registry: a ministry, its minister (since 2024-02) and a predecessor who left in 2024.
const actors: Actor[] = [
  { id: 'org:xx-mof', type: 'organization', name: 'Ministry of Fisheries', aliases: ['Fisheries Ministry'], country: 'XXX' },
  { id: 'person:lena-ostrova', type: 'person', name: 'Lena Ostrova', aliases: [], country: 'XXX', roles: [{ title: 'Minister of Fisheries', org: 'org:xx-mof', start: '2024-02' }] },
  { id: 'person:pavel-drum', type: 'person', name: 'Pavel Drum', aliases: [], country: 'XXX', roles: [{ title: 'Minister of Fisheries', org: 'org:xx-mof', start: '2019', end: '2024-01-31' }] },
];
const byId = new Map(actors.map((a) => [a.id, a]));
const registry = {
  get: (id: string) => byId.get(id),
  all: () => actors,
  lookup: (s: string): AliasHit[] => (s === 'ministry of fisheries' || s === 'fisheries ministry' ? [{ actorId: 'org:xx-mof', via: 'name' }] : []),
};

let n = 0;
function rec(over: Partial<RoleRecord>): RoleRecord {
  n++;
  return { articleId: n, seq: 0, personKey: 'name:tomas brill', person: 'Tomas Brill', title: 'Deputy Minister', org: 'Ministry of Fisheries', change: 'holds', date: '2026-01-10', url: `https://x.example/${n}`, outlet: 'Example', sentence: `Sentence ${n}.`, ...over };
}

describe('personnel', () => {
  it('resolves an observation\'s institution: registry role, then the named org, else unnamed', () => {
    expect(institutionOf(registry, { personKey: 'person:lena-ostrova', title: 'minister of fisheries', org: null })).toEqual({ id: 'org:xx-mof', name: 'Ministry of Fisheries' });
    expect(institutionOf(registry, { personKey: 'name:x', title: 'Deputy', org: 'Fisheries Ministry' })).toEqual({ id: 'org:xx-mof', name: 'Ministry of Fisheries' });
    expect(institutionOf(registry, { personKey: 'name:x', title: 'Deputy', org: 'Port Authority' })).toEqual({ id: null, name: 'Port Authority' });
    expect(institutionOf(registry, { personKey: 'name:x', title: 'Deputy', org: null })).toEqual({ id: null, name: UNNAMED_INSTITUTION });
  });

  it('lists current holders from registry roles and observations; ending observations end posts', () => {
    const records = [
      rec({ change: 'appointed', date: '2025-11-02' }),
      rec({ change: 'holds', date: '2026-01-10' }),
      rec({ personKey: 'name:ivo kern', person: 'Ivo Kern', title: 'Vice Minister', change: 'appointed', date: '2025-05-01' }),
      rec({ personKey: 'name:ivo kern', person: 'Ivo Kern', title: 'Vice Minister', change: 'dismissed', date: '2025-12-01' }),
      rec({ personKey: 'name:ada vos', person: 'Ada Vos', title: 'Director', org: 'Port Authority', change: 'promoted', date: '2026-02' }),
    ];
    const list = currentHolders(registry, records, { asOf: '2026-03-01' });
    expect(list.map((i) => i.name)).toEqual(['Ministry of Fisheries', 'Port Authority']);
    const mof = list[0]!;
    expect(mof.holders.map((h) => [h.title, h.person, h.source, h.status, h.since])).toEqual([
      ['Deputy Minister', 'Tomas Brill', 'observed', 'holds', '2025-11-02'],
      ['Minister of Fisheries', 'Lena Ostrova', 'registry', 'registry', '2024-02'],
    ]);
    expect(mof.holders[0]!.evidence).toMatchObject({ date: '2026-01-10', url: expect.stringMatching(/^https:/) });
    // Lena resigns in the news: the registry role ends.
    const after = currentHolders(registry, [...records, rec({ personKey: 'person:lena-ostrova', person: 'Lena Ostrova', title: 'Minister of Fisheries', org: null, change: 'resigned', date: '2026-02-20' })], { asOf: '2026-03-01' });
    expect(after[0]!.holders.map((h) => h.person)).toEqual(['Tomas Brill']);
    // As of 2023, the predecessor held the post; later observations are ignored.
    expect(currentHolders(registry, records, { asOf: '2023-06-01' }).flatMap((i) => i.holders.map((h) => h.person))).toEqual(['Pavel Drum']);
    // One institution, by id or by name.
    expect(currentHolders(registry, records, { asOf: '2026-03-01', org: orgMatcher('port authority', registry) }).map((i) => i.name)).toEqual(['Port Authority']);
    expect(currentHolders(registry, records, { asOf: '2026-03-01', org: orgMatcher('org:xx-mof', registry) }).map((i) => i.id)).toEqual(['org:xx-mof']);
  });

  it('feeds observed changes newest first with evidence', () => {
    const records = [
      rec({ change: 'holds', date: '2026-03-01' }),
      rec({ change: 'appointed', date: '2025-11-02' }),
      rec({ personKey: 'name:ivo kern', person: 'Ivo Kern', change: 'punished', date: '2026-02-01' }),
    ];
    const feed = changeFeed(registry, records);
    expect(feed.map((c) => [c.date, c.person, c.change, c.institution.id])).toEqual([
      ['2026-02-01', 'Ivo Kern', 'punished', 'org:xx-mof'],
      ['2025-11-02', 'Tomas Brill', 'appointed', 'org:xx-mof'],
    ]);
    expect(feed[0]!.evidence).toMatchObject({ sentence: expect.stringMatching(/^Sentence/), outlet: 'Example' });
    expect(changeFeed(registry, records, orgMatcher('Port Authority', registry))).toEqual([]);
  });

  it('keeps a country\'s registry institutions whole and its registry people elsewhere, nothing unplaced', () => {
    const holder = (personKey: string) => ({ person: personKey, personKey, title: 'Post', since: null, status: 'registry' as const, source: 'registry' as const, evidence: null });
    const institutions: InstitutionPosts[] = [
      { id: 'org:xx-mof', name: 'Ministry of Fisheries', holders: [holder('person:lena-ostrova'), holder('name:tomas brill')] },
      { id: null, name: 'Port Authority', holders: [holder('person:pavel-drum'), holder('name:ivo klar')] },
      { id: null, name: 'Harbour Board', holders: [holder('name:ada moss')] },
    ];
    expect(holdersInCountry(registry, institutions, 'xxx')).toEqual([institutions[0], { ...institutions[1], holders: [holder('person:pavel-drum')] }]);
    expect(holdersInCountry(registry, institutions, 'YYY')).toEqual([]);
    const change = (personKey: string, id: string | null): PersonnelChange => ({ ...holder(personKey), date: '2026-01-01', change: 'appointed', institution: { id, name: 'x' }, evidence: { articleId: 1, url: 'u', outlet: null, date: '2026-01-01', sentence: 's' } });
    const changes = [change('name:a', 'org:xx-mof'), change('person:pavel-drum', null), change('name:b', null)];
    expect(changesInCountry(registry, changes, 'XXX')).toEqual(changes.slice(0, 2));
  });
});
