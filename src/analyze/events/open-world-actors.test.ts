import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load.js';
import type { Actor } from '../../registry/types.js';
import { analyzeArticle } from '../analyze.js';

// Event actors the registry does not know, or knows as officials of an international organisation;
// the people are invented.
const extra: Actor[] = [
  { id: 'person:test-ines-moraga', type: 'person', name: 'Ines Moraga Lagos', aliases: [], country: 'CHL', gender: 'f', roles: [{ title: 'UN High Representative', org: 'org:un', start: '2023' }] } as Actor,
];
const registry = loadRegistry({ extra });
const kenyaStory = 'Kenya held elections on Sunday. Kenya counted the votes. Nairobi was calm. ';
const eventsOf = (text: string) => analyzeArticle({ text, published: '2024-03-15' }, registry).events;

describe('event actors from open-world people', () => {
  it('take the nationality the text gives, not the article\'s dominant country', () => {
    const ev = eventsOf(`${kenyaStory}Chilean Foreign Minister Rodrigo Valdivieso Mena arrived. Valdivieso criticised the count.`).find((e) => e.source.name === 'Rodrigo Valdivieso Mena');
    expect(ev?.source.country).toBe('CHL');
  });

  it('roll an international official up to the organisation, with no country', () => {
    const ev = eventsOf(`${kenyaStory}NATO Secretary General Lars Hovland Berg arrived. Berg criticised the count.`).find((e) => e.source.name === 'Lars Hovland Berg');
    expect(ev?.source).toMatchObject({ country: null, institution: 'org:nato' });
  });

  it('roll a registry person in an international post up to the organisation, not their nationality', () => {
    const ev = eventsOf(`${kenyaStory}Ines Moraga Lagos criticised the count.`).find((e) => e.source.entityId === 'person:test-ines-moraga');
    expect(ev?.source).toMatchObject({ country: null, institution: 'org:un' });
  });
});
