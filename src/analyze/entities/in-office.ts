// Whether a registry person held some post around a day: from a year before taking it (news covers
// nominees and candidates) to two years after leaving it. Role dates may be partial ("2019",
// "2019-04") and compare at their precision; a person the registry gives no dated role is not
// ruled out.
import type { Actor } from '../../registry/types.js';

const YEARS_AFTER = 2;
const YEARS_BEFORE = 1;

export function inOfficeAround(person: Actor, day: string): boolean {
  const roles = (person.roles ?? []).filter((r) => r.start || r.end);
  if (!roles.length) return true;
  const shift = (years: number): string => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
  const until = shift(YEARS_BEFORE);
  const from = shift(-YEARS_AFTER);
  return roles.some((r) => (!r.start || r.start <= until.slice(0, r.start.length)) && (!r.end || r.end >= from.slice(0, r.end.length)));
}
