import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load.js';
import type { Actor } from '../../registry/types.js';
import { segment } from '../segment.js';
import type { Entity } from '../types.js';
import { findEntities } from './index.js';

// Fictional people, so the tests do not depend on the shipped starter set.
const extra: Actor[] = [
  { id: 'person:test-pak-chol-su', type: 'person', name: 'Pak Chol Su', aliases: ['Pak Chol-su'], country: 'PRK', gender: 'm', nameOrder: 'eastern', roles: [{ title: 'First Vice Foreign Minister', start: '2019' }] } as Actor,
  { id: 'person:test-kim-mi-ran', type: 'person', name: 'Kim Mi Ran', aliases: ['Kim Mi-ran'], country: 'PRK', gender: 'f', nameOrder: 'eastern', roles: [] } as Actor,
  { id: 'person:test-kim-tae-ho', type: 'person', name: 'Kim Tae Ho', aliases: ['Kim Tae-ho'], country: 'PRK', gender: 'm', nameOrder: 'eastern', roles: [] } as Actor,
  { id: 'org:test-chl-mer', type: 'organization', name: 'Ministry of Exterior Relations (Chile)', aliases: ['Ministry of Exterior Relations'], country: 'CHL', kind: 'foreign-ministry', generic: ['ministry of exterior relations'] } as Actor,
];
const registry = loadRegistry({ extra });

function run(text: string) {
  const seg = segment(text);
  return { seg, index: findEntities(seg, registry, { text, published: '2024-03-15' }) };
}
const byName = (ents: Entity[], name: string) => ents.find((e) => e.name === name);
const mentionTexts = (e: Entity | undefined) => e?.mentions.map((m) => m.text) ?? [];

describe('findEntities', () => {
  it('merges romanisation variants of a registry name into one entity', () => {
    const { index } = run('Kim Mi-ran spoke on Monday. Later, Kim Mi Ran repeated the warning.');
    const e = index.entities.filter((x) => x.id === 'person:test-kim-mi-ran');
    expect(e).toHaveLength(1);
    expect(mentionTexts(e[0])).toEqual(['Kim Mi-ran', 'Kim Mi Ran']);
  });

  it('resolves a surname to the most recently mentioned of several people sharing it', () => {
    const { index } = run('Kim Tae Ho met envoys. Then Kim Mi Ran arrived. Kim said the talks had failed.');
    const kimMiRan = index.entities.find((x) => x.id === 'person:test-kim-mi-ran');
    expect(mentionTexts(kimMiRan)).toContain('Kim');
    expect(mentionTexts(index.entities.find((x) => x.id === 'person:test-kim-tae-ho'))).not.toContain('Kim');
  });

  it('splits a title off the name and keeps it as a role', () => {
    const { index } = run('Trade Minister Jonas Whitfield said exports fell. Whitfield blamed the weather.');
    const e = byName(index.entities, 'Jonas Whitfield');
    expect(e?.type).toBe('person');
    expect(e?.roles).toContain('Trade Minister');
    expect(mentionTexts(e)).toEqual(['Jonas Whitfield', 'Whitfield']);
  });

  it('types an unknown person from an apposition and keeps role, institution and country', () => {
    const { index } = run('Jane Roe, Deputy Assistant to the President for Asian Affairs at the National Security Council, declined to comment.');
    const e = byName(index.entities, 'Jane Roe');
    expect(e).toMatchObject({ id: null, type: 'person', country: 'USA' });
    expect(e?.roles).toContain('Deputy Assistant to the President for Asian Affairs');
    expect(e?.affiliation).toBe('National Security Council');
  });

  it('reads a capital as its government, and as a place after a place preposition', () => {
    const text = 'Pyongyang responded within hours. The envoy flew to Pyongyang.';
    const { index } = run(text);
    const prk = index.entities.find((e) => e.id === 'country:PRK');
    expect(prk?.mentions.map((m) => [m.text, m.via, m.start])).toEqual([['Pyongyang', 'metonym', 0]]);
    expect(index.entities.find((e) => e.type === 'place')).toMatchObject({ name: 'Pyongyang', country: 'PRK' });
  });

  it('resolves a generic ministry to the country named before it', () => {
    const { index } = run("South Korea's unification ministry and North Korea's foreign ministry both issued statements.");
    const orgs = index.entities.filter((e) => e.type === 'organization');
    expect(orgs.map((o) => o.country).sort()).toEqual(['KOR', 'PRK']);
  });

  it('gives a generic phrase that is one country\'s registered name to that country over a country merely named nearby', () => {
    const near = run('Demanding that Peru act at once, the Ministry of Exterior Relations said the attack was planned.');
    expect(near.index.entities.find((e) => e.type === 'organization')?.id).toBe('org:test-chl-mer');
    const attached = run("Peru's Ministry of Exterior Relations said the attack was planned.");
    const org = attached.index.entities.find((e) => e.type === 'organization');
    expect([org?.id ?? null, org?.country]).toEqual([null, 'PER']);
  });

  it('places a group by the country it is based in ("the Chile-based Andean Front")', () => {
    const { index } = run('The Chile-based Andean Front attacked a police post in Peru on Monday.');
    expect(index.entities.find((e) => e.name === 'Andean Front')?.country).toBe('CHL');
  });

  it('resolves pronouns and titles for later stages', () => {
    const text = 'Pak Chol Su arrived in Moscow. Kim Mi Ran stayed home. The vice foreign minister said talks would resume, and she disagreed.';
    const { index } = run(text);
    expect(index.resolve('she', text.indexOf('she disagreed'), text.indexOf('she disagreed') + 3)?.name).toBe('Kim Mi Ran');
    expect(index.resolve('The vice foreign minister', text.indexOf('The vice'), text.indexOf(' said'))?.name).toBe('Pak Chol Su');
    expect(index.resolve('he', 0, 2)).toBeNull();
  });

  it('does not read "us" or the "Un" of a name as countries or organisations', () => {
    const { index } = run('He told us the envoy of Leader Kim Jong Un was late.');
    expect(index.entities.some((e) => e.id === 'country:USA' || /united nations/i.test(e.name))).toBe(false);
  });

  it('gives the same output for the same input', () => {
    const text = 'Foreign Minister Pak Chol Su met Jane Roe in Hanoi on Friday. Pak said Pyongyang was ready.';
    expect(JSON.stringify(run(text).index.entities)).toBe(JSON.stringify(run(text).index.entities));
  });
});
