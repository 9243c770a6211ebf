// A wire story's opening line names where it was filed and who filed it: "SEOUL (Reuters) - …",
// "(CNN) -- …", "MANILA, Philippines — …". Neither the place nor the outlet takes part in what the
// sentence reports, so the event coder looks for actors after that prefix.
import { cityByName } from '../entities/places.js';

// The filing place in capitals, optionally with its region or date ("MANILA, Philippines",
// "SEOUL, March 3"), then the outlet in brackets, then a dash and a space; either the place or
// the outlet must be there.
const PLACE = String.raw`(\p{Lu}{2,}[\p{Lu}\p{M}.'’ -]*?)(,\s*[\p{Lu}\d][\p{L}\d.]*(?:\s[\p{Lu}\d][\p{L}\d.]*){0,3})?`;
const OUTLET = String.raw`(\([^()\n]{1,40}\))`;
const DATELINE = new RegExp(String.raw`^\s*(?:${PLACE}\s*${OUTLET}?|${OUTLET})\s*(--|[-–—])\s+`, 'u');

/** Length of the dateline prefix of a sentence, 0 when it has none. */
export function datelineLength(sentence: string): number {
  const m = DATELINE.exec(sentence);
  if (!m) return 0;
  const [whole, place, region, outlet, otherOutlet, dash] = m;
  // "SEOUL - …" is a dateline, "NATO - Russia talks …" a headline: after capitals alone, a plain
  // hyphen needs a known city (a dash of a dateline's own, "—" or "--", does not).
  if (place && !region && !outlet && !otherOutlet && dash === '-' && !cityByName(place.trim())) return 0;
  return whole.length;
}
