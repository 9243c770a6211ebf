// Forms of address that come before a name ("Mr", "Sheikh", "Ayatollah"), from the title lexicon
// (data/lexicon/titles.yaml). The registry's name keys drop them and the analyzer keeps them out
// of names and roles; both read this one list. Loaded once per process.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { dataPath } from '../core/data-path.js';

let cached: ReadonlySet<string> | undefined;

/** Lower case, without a trailing dot ("mr", "dr"). */
export function honorifics(): ReadonlySet<string> {
  if (cached) return cached;
  const raw = z.object({ honorifics: z.array(z.string()) }).parse(parse(readFileSync(dataPath('lexicon', 'titles.yaml'), 'utf8')));
  cached = new Set(raw.honorifics.map((h) => h.toLowerCase()));
  return cached;
}
