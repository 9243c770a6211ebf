// A world-cities gazetteer (city-timezones: ~7,000 cities with population and country), so unknown
// capitalised words after "in"/"from" or in datelines can be typed as places with their country.
import { createRequire } from 'node:module';
import { normalizeName } from '../../registry/normalize.js';

interface CityRow {
  city: string;
  city_ascii: string;
  pop: number;
  iso3: string;
}

let cities: Map<string, { name: string; country: string; pop: number }> | undefined;

/** The city named by `surface` (largest of its namesakes), or undefined. */
export function cityByName(surface: string): { name: string; country: string } | undefined {
  if (!cities) {
    cities = new Map();
    const rows = (createRequire(import.meta.url)('city-timezones') as { cityMapping: CityRow[] }).cityMapping;
    for (const row of rows) {
      for (const n of new Set([row.city, row.city_ascii])) {
        const key = normalizeName(n);
        const prev = cities.get(key);
        if (!prev || prev.pop < row.pop) cities.set(key, { name: row.city_ascii, country: row.iso3, pop: row.pop });
      }
    }
  }
  return cities.get(normalizeName(surface));
}
