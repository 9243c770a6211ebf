import { describe, expect, it } from 'vitest';
import { loadRegistry } from './load.js';
import { findActor, resolveActor } from './resolve.js';
import type { Actor } from './types.js';

// Fictional people, so the tests do not depend on the shipped registry.
const extra: Actor[] = [
  { id: 'person:test-ri-chol-gwon', type: 'person', name: 'Ri Chol Gwon', aliases: ['Ri Chol-gwon'], country: 'PRK' } as Actor,
  { id: 'person:test-samir-haddad', type: 'person', name: 'Samir Haddad', aliases: [], country: 'LBN' } as Actor,
  { id: 'person:test-samar-haddad', type: 'person', name: 'Samar Haddad', aliases: [], country: 'JOR' } as Actor,
  { id: 'org:test-kasem-hadadi', type: 'organization', name: 'Kasem Hadadi Group', aliases: [], country: 'LBN' } as Actor,
];
const registry = loadRegistry({ extra });

describe('registry look-up by romanisation variant', () => {
  it('finds the persons whose name or alias folds to the same key', () => {
    expect(registry.variantOf('Lee Chol-kwon')).toEqual(['person:test-ri-chol-gwon']);
    expect(registry.variantOf('Rhee Cholgwon')).toEqual(['person:test-ri-chol-gwon']);
    expect(registry.variantOf('Samer Hadad').sort()).toEqual(['person:test-samar-haddad', 'person:test-samir-haddad']);
    expect(registry.variantOf('Kasem Hadadi Group')).toEqual([]); // organisations are not indexed
    expect(registry.variantOf('Lee')).toEqual([]);
  });

  it('resolves a user-given name in another romanisation when exactly one person has it', () => {
    expect(findActor(registry, 'Lee Chol-kwon').id).toBe('person:test-ri-chol-gwon');
    expect(() => findActor(registry, 'Samer Hadad')).toThrow(/no actor/);
    expect(resolveActor('Lee Chol-kwon', registry).ids).toEqual(['person:test-ri-chol-gwon']);
    expect(resolveActor('Samer Hadad', registry).ids).toEqual([]);
    // An exact name wins over its variants.
    expect(resolveActor('Samir Haddad', registry).ids).toEqual(['person:test-samir-haddad']);
  });
});
