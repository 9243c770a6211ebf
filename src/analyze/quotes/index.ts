// Direct, partial and indirect quotes with their speakers (owned by the quotes work).
import type { EntityIndex, Quote, Segmented } from '../types.js';

export function findQuotes(_seg: Segmented, _entities: EntityIndex): Quote[] {
  return [];
}
