// Titles attached to people become dated role observations (appointed, dismissed, kept, former...).
import type { DateMention, EntityIndex, RoleObservation, Segmented } from './types.js';

export function observeRoles(_seg: Segmented, _entities: EntityIndex, _dates: DateMention[], _published: string | null): RoleObservation[] {
  return [];
}
