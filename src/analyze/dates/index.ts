// Temporal expressions normalised against the publication date (owned by the dates work).
import type { DateMention, Segmented } from '../types.js';

export function findDates(_seg: Segmented, _published: string | null): DateMention[] {
  return [];
}
