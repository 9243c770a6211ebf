import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load.js';
import { segment } from '../segment.js';
import type { Entity } from '../types.js';
import { findEntities } from './index.js';
import { cleanRole, MAX_ROLE_WORDS } from './role-text.js';

// Invented names; the roles are what the text around them writes.
const registry = loadRegistry();
function entities(text: string): Entity[] {
  return findEntities(segment(text), registry, { text, published: '2024-03-15' }).entities;
}
const rolesOf = (ents: Entity[], name: string) => ents.find((e) => e.type === 'person' && e.name === name)?.roles;

describe('cleanRole', () => {
  it('cuts headline words after the title', () => {
    expect(cleanRole('Supreme Leader Vows')).toBe('Supreme Leader');
    expect(cleanRole('Foreign Minister Says')).toBe('Foreign Minister');
  });

  it('keeps linked phrases and title words after the head', () => {
    expect(cleanRole('Minister of Foreign Affairs')).toBe('Minister of Foreign Affairs');
    expect(cleanRole('Deputy Assistant to the President for Asian Affairs')).toBe('Deputy Assistant to the President for Asian Affairs');
    expect(cleanRole('Prime Minister Designate')).toBe('Prime Minister Designate');
    expect(cleanRole('chief dealer')).toBe('chief dealer');
  });

  it('drops forms of address, alone or around a title', () => {
    for (const h of ['Mr.', 'Mrs', 'Dr.', 'Sheikh', 'Ayatollah', 'Sir', 'Comrade']) expect(cleanRole(h)).toBeNull();
    expect(cleanRole('Supreme Leader Ayatollah')).toBe('Supreme Leader');
  });

  it('needs a role word and caps the length', () => {
    expect(cleanRole('Foreign Affairs')).toBeNull();
    const long = cleanRole('special adviser to the president of the national oil company on matters of pricing and supply');
    expect(long!.split(' ').length).toBeLessThanOrEqual(MAX_ROLE_WORDS);
  });
});

describe('roles in articles', () => {
  it('gives each name in a list the title written right before it', () => {
    const ents = entities('Secretary of State Daniel Okello Wafula, Defence Secretary Grace Akinyi Ochieng and Vice President Samuel Kiprono Ruto met on Friday.');
    expect(rolesOf(ents, 'Daniel Okello Wafula')).toEqual(['Secretary of State']);
    expect(rolesOf(ents, 'Grace Akinyi Ochieng')).toEqual(['Defence Secretary']);
    expect(rolesOf(ents, 'Samuel Kiprono Ruto')).toEqual(['Vice President']);
  });

  it('does not take headline words as a role', () => {
    const ents = entities('Supreme Leader Vows Revenge After Strike\n\nSupreme Leader Ali Reza Karimi addressed the crowd on Friday.');
    expect(rolesOf(ents, 'Ali Reza Karimi')).toEqual(['Supreme Leader']);
    expect(ents.flatMap((e) => e.roles).some((r) => /Vows|Revenge/.test(r))).toBe(false);
  });

  it('does not take forms of address as roles', () => {
    const ents = entities('Dr. Wanjiku Njeri Kamau said the plan would fail. Sheikh Hamad Salim Obeid disagreed. Supreme Leader Ayatollah Ali Reza Karimi was silent.');
    expect(rolesOf(ents, 'Wanjiku Njeri Kamau')).toEqual([]);
    expect(rolesOf(ents, 'Hamad Salim Obeid')).toEqual([]);
    expect(ents.flatMap((e) => e.roles)).not.toContain('Ayatollah');
  });

  it('ends a role where a clause starts', () => {
    const ents = entities('Tomas Ignacio Herrera, a former diplomat serving as adviser to the president of the national oil company, said the deal was fair.');
    expect(rolesOf(ents, 'Tomas Ignacio Herrera')).toEqual(['former diplomat']);
  });

  it('takes the whole title of the name it precedes, not of the speaker before it', () => {
    const ents = entities('A spokesman for Foreign Affairs Minister Julia Mendez Arce said the visit was off.');
    expect(rolesOf(ents, 'Julia Mendez Arce')).toEqual(['Foreign Affairs Minister']);
  });
});
