import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load.js';
import type { Actor } from '../../registry/types.js';
import { segment } from '../segment.js';
import type { Entity } from '../types.js';
import { findEntities } from './index.js';

// People the registry has never seen, of countries whose officials it does not hold (Chile, Kenya,
// Ghana, Peru, Uruguay); the names are invented. One fictional institution stands in for a country
// whose foreign ministry a desk has added to its registry.
const extra: Actor[] = [
  { id: 'org:test-ury-mfa', type: 'organization', name: 'Ministry of Foreign Affairs (Uruguay)', aliases: [], country: 'URY', kind: 'foreign-ministry', generic: ['foreign ministry', 'ministry of foreign affairs'] } as Actor,
];
const registry = loadRegistry({ extra });

function entities(text: string): Entity[] {
  return findEntities(segment(text), registry, { text, published: '2024-03-15' }).entities;
}
const person = (ents: Entity[], name: string) => ents.find((e) => e.type === 'person' && e.name === name);

describe('open-world people: role and country from a title before the name', () => {
  it('reads the nationality adjective of a title', () => {
    const ents = entities('Chilean Foreign Minister Rodrigo Valdivieso Mena arrived on Monday. Kenyan foreign minister Amina Wanjiru Odhiambo met him.');
    expect(person(ents, 'Rodrigo Valdivieso Mena')).toMatchObject({ id: null, country: 'CHL', roles: ['Foreign Minister'] });
    expect(person(ents, 'Amina Wanjiru Odhiambo')).toMatchObject({ id: null, country: 'KEN', roles: ['foreign minister'] });
  });

  it('reads a possessive and a determiner before the title', () => {
    const ents = entities("Ghana's vice-president Kwame Mensah Boateng spoke first. Then the Peruvian vice-president Rosa Elena Quispe replied.");
    expect(person(ents, 'Kwame Mensah Boateng')).toMatchObject({ country: 'GHA', roles: ['vice-president'] });
    expect(person(ents, 'Rosa Elena Quispe')).toMatchObject({ country: 'PER', roles: ['vice-president'] });
  });

  it('gives the institution the post implies when the registry holds that country\'s', () => {
    const ents = entities('Uruguayan Foreign Minister Tomas Ibarra Sosa flew home. Kenyan Foreign Minister Amina Wanjiru Odhiambo stayed.');
    const ury = person(ents, 'Tomas Ibarra Sosa');
    expect(ury).toMatchObject({ country: 'URY' });
    expect(ury?.affiliation).toBe(registry.institution('foreign-ministry', 'URY')?.name);
    // No Kenyan ministry in the registry: no institution is made up, and none of another country is used.
    expect(person(ents, 'Amina Wanjiru Odhiambo')?.affiliation ?? null).toBeNull();
  });

  it('reads a subject, not a nationality, from a bare country name before an analyst or envoy', () => {
    const ents = entities('Chile analyst Marta Lorca Pinto and Kenyan analyst Joseph Mwangi Otieno disagreed.');
    expect(person(ents, 'Marta Lorca Pinto')).toMatchObject({ country: null, roles: ['Chile analyst'] });
    expect(person(ents, 'Joseph Mwangi Otieno')).toMatchObject({ country: 'KEN' });
  });
});

describe('open-world people: appositions', () => {
  it('reads "X, Kenya\'s foreign minister," and "X, the foreign minister of Chile,"', () => {
    const ents = entities('Amina Wanjiru Odhiambo, Kenya’s foreign minister, said the talks went well. Rodrigo Valdivieso Mena, the foreign minister of Chile, agreed.');
    expect(person(ents, 'Amina Wanjiru Odhiambo')).toMatchObject({ country: 'KEN', roles: ['foreign minister'] });
    expect(person(ents, 'Rodrigo Valdivieso Mena')).toMatchObject({ country: 'CHL', roles: ['foreign minister'] });
  });

  it('reads the apposition of a surname mention too', () => {
    const ents = entities('Amina Wanjiru Odhiambo arrived late. Odhiambo, Kenya’s foreign minister, said little.');
    expect(person(ents, 'Amina Wanjiru Odhiambo')).toMatchObject({ country: 'KEN', roles: ['foreign minister'] });
  });

  it('takes the country of the institution a person speaks for', () => {
    const ents = entities('Peter Kamau Njoroge, a spokesman for the Kenyan foreign ministry, declined to comment.');
    const e = person(ents, 'Peter Kamau Njoroge');
    expect(e).toMatchObject({ country: 'KEN', roles: ['spokesman'] });
    expect(e?.affiliation).toMatch(/Kenya/);
  });

  it('does not take the country someone is posted to', () => {
    const ents = entities('Ana Lucia Campos, ambassador to Peru, attended.');
    expect(person(ents, 'Ana Lucia Campos')).toMatchObject({ country: null, roles: ['ambassador to Peru'] });
  });
});

describe('officials of international organisations', () => {
  it('carry the organisation and no nationality from it', () => {
    const ents = entities('NATO Secretary General Lars Hovland Berg welcomed the deal. UN envoy Mariam Osei Tetteh also spoke. Pablo Ferrer Soto, the EU’s foreign policy chief, agreed.');
    expect(person(ents, 'Lars Hovland Berg')).toMatchObject({ country: null, affiliation: 'North Atlantic Treaty Organization', roles: ['Secretary General'] });
    expect(person(ents, 'Mariam Osei Tetteh')).toMatchObject({ country: null, affiliation: 'United Nations' });
    expect(person(ents, 'Pablo Ferrer Soto')).toMatchObject({ country: null, affiliation: 'European Union', roles: ['foreign policy chief'] });
  });

  it('keep a nationality the text states separately', () => {
    const ents = entities('The Norwegian NATO chief Lars Hovland Berg spoke. Nicolas Andres Pereira, head of the International Atomic Energy Agency, listened.');
    expect(person(ents, 'Lars Hovland Berg')).toMatchObject({ country: 'NOR', affiliation: 'North Atlantic Treaty Organization' });
    expect(person(ents, 'Nicolas Andres Pereira')).toMatchObject({ country: null, affiliation: 'International Atomic Energy Agency', roles: ['head'] });
  });
});

describe('institutions named generically', () => {
  const pyongyang = 'North Korea tested a missile. Pyongyang said North Korea would go on. ';

  it('take the country written with them, never another country\'s institution', () => {
    const ents = entities(`${pyongyang}Kenya's Ministry of Foreign Affairs protested. The Ministry of Foreign Affairs of Chile said nothing.`);
    const orgs = ents.filter((e) => e.type === 'organization' && /Foreign Affairs/.test(e.name));
    expect(orgs.map((o) => o.country).sort()).toEqual(['CHL', 'KEN']);
    expect(orgs.some((o) => o.id === 'org:prk-mfa')).toBe(false);
  });

  it('take the speaker\'s country, then the article\'s', () => {
    const ents = entities(`${pyongyang}Kenyan foreign minister Amina Wanjiru Odhiambo said the Foreign Ministry would respond. The Foreign Ministry was silent.`);
    const orgs = ents.filter((e) => e.type === 'organization' && /Foreign Ministry/.test(e.mentions[0]!.text));
    expect(orgs.map((o) => o.country)).toContain('KEN');
    // Nothing in its sentence places the second one: it is the article's country's.
    expect(ents.find((e) => e.id === 'org:prk-mfa')?.mentions.map((m) => m.text)).toEqual(['Foreign Ministry']);
  });

  it('resolve to the registry institution of the country the text gives', () => {
    const ents = entities("Uruguay's foreign ministry summoned the envoy.");
    expect(ents.find((e) => e.type === 'organization')?.id).toBe(registry.institution('foreign-ministry', 'URY')?.id);
  });
});

describe('the article\'s dominant country', () => {
  it('never overrides what the text says, and is not guessed for a person the text does not place', () => {
    const ents = entities('Kenya held elections. Kenya counted votes. Nairobi was calm. Chilean Foreign Minister Rodrigo Valdivieso Mena observed. Later Joseph Mwangi Otieno said Kenya did well.');
    expect(person(ents, 'Rodrigo Valdivieso Mena')?.country).toBe('CHL');
    expect(person(ents, 'Joseph Mwangi Otieno')?.country).toBeNull();
  });
});
