import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load.js';
import type { Actor } from '../../registry/types.js';
import { segment } from '../segment.js';
import { findEntities } from './index.js';

// Fictional people, so the tests do not depend on the shipped registry.
const extra: Actor[] = [
  { id: 'person:test-ri-chol-gwon', type: 'person', name: 'Ri Chol Gwon', aliases: ['Ri Chol-gwon'], country: 'PRK', gender: 'm', nameOrder: 'eastern' } as Actor,
  { id: 'person:test-hamid-qasemi', type: 'person', name: 'Hamid Qassemi', aliases: [], country: 'IRN', gender: 'm' } as Actor,
  // Two registry people whose names fold together: a variant of either resolves to neither.
  { id: 'person:test-samir-haddad', type: 'person', name: 'Samir Haddad', aliases: [], country: 'LBN' } as Actor,
  { id: 'person:test-samar-haddad', type: 'person', name: 'Samar Haddad', aliases: [], country: 'JOR' } as Actor,
];
const registry = loadRegistry({ extra });

function entities(text: string) {
  return findEntities(segment(text), registry, { text, published: '2024-03-15' }).entities;
}

describe('romanisation variants in an article', () => {
  it('resolves a registry person written in a second transliteration, keeping the surface text', () => {
    const text = 'North Korean Foreign Minister Lee Chol-kwon arrived in Moscow on Tuesday. Lee Chol-kwon said the visit would deepen ties. Lee gave no details.';
    const es = entities(text);
    const ri = es.filter((e) => e.id === 'person:test-ri-chol-gwon');
    expect(ri).toHaveLength(1);
    expect(ri[0]!.name).toBe('Ri Chol Gwon');
    expect(ri[0]!.country).toBe('PRK');
    // The surname of the spelling used ("Lee") then finds the person too.
    expect(ri[0]!.mentions.map((m) => [m.text, m.via])).toEqual([['Lee Chol-kwon', 'variant'], ['Lee Chol-kwon', 'variant'], ['Lee', 'surname']]);
    expect(ri[0]!.roles.join(' ')).toMatch(/Foreign Minister/);
    expect(es.some((e) => e.id === null && /Chol/.test(e.name))).toBe(false);
  });

  it('resolves Persian spellings to the registry spelling', () => {
    const es = entities('Iranian spokesman Hamed Ghasemi rejected the claim on Sunday.');
    expect(es.find((e) => e.id === 'person:test-hamid-qasemi')?.mentions.map((m) => m.text)).toEqual(['Hamed Ghasemi']);
  });

  it('leaves a variant two registry people share unresolved', () => {
    const es = entities('The envoy Samer Hadad met reporters in Amman on Monday.');
    expect(es.some((e) => e.id === 'person:test-samir-haddad' || e.id === 'person:test-samar-haddad')).toBe(false);
  });

  it('merges two spellings of one unknown person into one entity, both kept as mentions', () => {
    const text = 'Deputy Minister Youssef Karimi arrived in Doha on Monday. Later, Yusuf Kareemi met the emir. Karimi declined to comment.';
    const es = entities(text);
    const people = es.filter((e) => e.type === 'person' && /Kar/.test(e.name));
    expect(people).toHaveLength(1);
    expect(people[0]!.mentions.map((m) => m.text)).toEqual(['Youssef Karimi', 'Yusuf Kareemi', 'Karimi']);
  });

  it('keeps different people with similar names apart', () => {
    const es = entities('Kim Chol Un met Kim Chol Il in Pyongyang on Monday.');
    expect(es.filter((e) => e.type === 'person' && e.name.startsWith('Kim Chol')).map((e) => e.name)).toEqual(['Kim Chol Un', 'Kim Chol Il']);
  });
});
