// Whether a registry person held some post around a day: within two years before it, or from
// before it on. Role dates may be partial ("2019", "2019-04"); they compare at their precision.
import type { Actor } from '../../registry/types.js';

const YEARS_BEFORE = 2;

export function inOfficeAround(person: Actor, day: string): boolean {
  const from = `${Number(day.slice(0, 4)) - YEARS_BEFORE}${day.slice(4)}`;
  return (person.roles ?? []).some((r) => (!r.start || r.start <= day.slice(0, r.start.length)) && (!r.end || r.end >= from.slice(0, r.end.length)));
}
