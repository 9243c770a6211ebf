import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load.js';
import { segment } from '../segment.js';
import { findEntities } from './index.js';

// Within one article, short mentions of a person the registry does not know resolve to the full
// name. The people are invented officials of countries whose officials the registry does not hold.
const registry = loadRegistry();
function run(text: string) {
  return findEntities(segment(text), registry, { text, published: '2024-03-15' });
}
const at = (text: string, phrase: string, from = 0) => {
  const start = text.indexOf(phrase, from);
  return [start, start + phrase.length] as const;
};

describe('within-article coreference of unknown people', () => {
  const text = 'Chilean Foreign Minister Rodrigo Valdivieso Mena arrived in Nairobi on Monday. Valdivieso said Chile would open an embassy. '
    + 'Mr. Valdivieso added that trade would grow. The foreign minister then left for the airport.';

  it('joins surname-only and "Mr. X" mentions to the full name', () => {
    const index = run(text);
    const e = index.entities.filter((x) => x.type === 'person');
    expect(e).toHaveLength(1);
    expect(e[0]!.mentions.map((m) => m.text)).toEqual(['Rodrigo Valdivieso Mena', 'Valdivieso', 'Valdivieso']);
    const [s, end] = at(text, 'Mr. Valdivieso');
    expect(index.resolve('Mr. Valdivieso', s, end)?.name).toBe('Rodrigo Valdivieso Mena');
  });

  it('resolves "the foreign minister" to the one foreign minister in play', () => {
    const index = run(text);
    const [s, end] = at(text, 'The foreign minister');
    expect(index.resolve('The foreign minister', s, end)?.name).toBe('Rodrigo Valdivieso Mena');
  });

  it('leaves "the foreign minister" unresolved when two are in play, unless a nationality tells them apart', () => {
    const two = 'Chilean Foreign Minister Rodrigo Valdivieso Mena met Kenyan Foreign Minister Amina Wanjiru Odhiambo on Monday. '
      + 'The foreign minister said trade would grow. The Kenyan foreign minister disagreed.';
    const index = run(two);
    const [s1, e1] = at(two, 'The foreign minister');
    expect(index.resolve('The foreign minister', s1, e1)).toBeNull();
    const [s2, e2] = at(two, 'The Kenyan foreign minister');
    expect(index.resolve('The Kenyan foreign minister', s2, e2)?.name).toBe('Amina Wanjiru Odhiambo');
  });

  it('does not resolve a role nobody in play holds', () => {
    const index = run(text);
    const [s, end] = at(text, 'The foreign minister');
    expect(index.resolve('the defence minister', s, end)).toBeNull();
  });
});
