// An entity being assembled from its mentions (internal to the entity finder).
import type { ActorType } from '../../registry/types.js';
import type { Entity, Mention } from '../types.js';
import { cleanRole } from './role-text.js';

export interface Draft {
  key: string;
  id: string | null;
  name: string;
  type: ActorType;
  country: string | null;
  roles: string[];
  affiliation: string | null;
  mentions: Mention[];
  /** Type confidence of unknown names (registry entries are 3). */
  confidence: number;
  gender: 'm' | 'f' | null;
  /** Family-name candidates used to resolve surname-only mentions ("Choe", "Biden"). */
  nameTokens: string[];
}

export function toEntity(d: Draft): Entity {
  const e: Entity = { id: d.id, name: d.name, type: d.type, country: d.country, roles: d.roles, mentions: d.mentions };
  if (d.affiliation) e.affiliation = d.affiliation;
  return e;
}

export function addRole(d: Draft, role: string | null | undefined): void {
  // No forms of address, headline words or run-on clauses (role-text.ts).
  const r = role ? cleanRole(role) : null;
  if (!r) return;
  const lower = r.toLowerCase();
  // "Minister" adds nothing to "Foreign Affairs Minister"; a fuller title replaces a shorter one.
  if (!r || d.roles.some((x) => x.toLowerCase().endsWith(lower))) return;
  const shorter = d.roles.findIndex((x) => lower.endsWith(x.toLowerCase()));
  if (shorter >= 0) d.roles[shorter] = r;
  else d.roles.push(r);
}
