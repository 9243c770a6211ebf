// A registry for the quote tests that does not depend on the shipped person lists.
import { readFileSync } from 'node:fs';
import { dataPath } from '../../core/data-path.js';
import { buildRegistry } from '../../registry/build-index.js';
import { countryActors } from '../../registry/countries.js';
import { parseCountriesFile } from '../../registry/schema.js';
import type { Actor, Registry } from '../../registry/types.js';

export function loadRegistryForTests(): Registry {
  const path = dataPath('registry', 'countries.yaml');
  const actors: Actor[] = countryActors(parseCountriesFile(path, readFileSync(path, 'utf8')));
  return buildRegistry(new Map(actors.map((a) => [a.id, a])), 'test');
}
