// The shipped registry: data/registry/*.yaml plus the world-countries package. Parsing ~60 KB of
// YAML and 1.4 MB of country JSON costs a couple of hundred milliseconds, so the result is also
// kept in data/registry/compiled.json, used only while its hash matches the sources (an edited
// YAML file is never shadowed by a stale cache; it just loads slower until recompiled with
// `npx tsx src/registry/shipped.ts`; a test fails while the cache is stale).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dataPath } from '../core/data-path.js';
import { ReadoutError } from '../core/errors.js';
import { CODES, countryActors } from './countries.js';
import { parseActorsFile, parseCountriesFile } from './schema.js';
import type { Actor } from './types.js';

/** Bump when the code that turns the sources into actors changes (the cache hash includes it). */
const COMPILER_VERSION = 1;
const COUNTRIES_FILE = 'countries.yaml';
/** Actor files, in load order: institutions before the people whose roles name them. */
export const SHIPPED_FILES = [
  'institutions.yaml',
  'world-west-institutions.yaml',
  'world-east-institutions.yaml',
  'people.yaml',
  'world-west-people.yaml',
  'world-east-people.yaml',
  'places.yaml',
] as const;
export const COMPILED_FILE = 'compiled.json';

export interface Shipped {
  /** The source files' versions, in load order ("countries.institutions.…"). */
  version: string;
  actors: Actor[];
  /** id → file that defined it, for error messages. */
  files: Record<string, string>;
  /** country actor id → [ISO alpha-2, independent]. */
  codes: Record<string, [string, boolean]>;
}

interface Compiled extends Shipped {
  hash: string;
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ReadoutError('config', `cannot read registry file ${path}: ${(err as Error).message}`, {
      hint: 'check the path, or remove it from registry.files in the config',
      cause: err,
    });
  }
}

function sources(): { name: string; path: string; raw: string }[] {
  return [COUNTRIES_FILE, ...SHIPPED_FILES].map((name) => {
    const path = dataPath('registry', name);
    return { name, path, raw: readText(path) };
  });
}

function sourceHash(srcs: { raw: string }[]): string {
  const pkg = createRequire(import.meta.url)('world-countries/package.json') as { version: string };
  const h = createHash('sha256').update(`${COMPILER_VERSION}\0${pkg.version}`);
  for (const s of srcs) h.update('\0').update(s.raw);
  return h.digest('hex').slice(0, 16);
}

/** Parses and validates the sources (the slow path). */
export function compileShipped(srcs = sources()): Shipped {
  const [countriesSrc, ...actorSrcs] = srcs;
  const overlay = parseCountriesFile(countriesSrc!.path, countriesSrc!.raw);
  const actors = countryActors(overlay);
  const files: Record<string, string> = {};
  for (const a of actors) files[a.id] = countriesSrc!.path;
  const versions = [overlay.version];
  for (const src of actorSrcs) {
    const parsed = parseActorsFile(src.path, src.raw, 'builtin');
    versions.push(parsed.version ?? '0');
    for (const a of parsed.actors) {
      if (files[a.id]) throw new ReadoutError('config', `registry file ${src.path}: duplicate id ${a.id} (also in ${files[a.id]})`, { hint: 'ids must be unique' });
      files[a.id] = src.path;
      actors.push(a);
    }
  }
  const codes: Record<string, [string, boolean]> = {};
  for (const [id, c] of CODES) codes[id] = [c.iso2, c.independent];
  return { version: versions.join('.'), actors, files, codes };
}

let cached: Shipped | undefined;

export function loadShipped(): Shipped {
  if (cached) return cached;
  const srcs = sources();
  const hash = sourceHash(srcs);
  const compiled = readCompiled();
  let shipped: Shipped | undefined = compiled?.hash === hash ? compiled : undefined;
  if (shipped) {
    // File names in the cache are relative to the data folder wherever the package now lives.
    for (const id of Object.keys(shipped.files)) shipped.files[id] = dataPath('registry', shipped.files[id]!);
    for (const [id, [iso2, independent]] of Object.entries(shipped.codes)) CODES.set(id, { iso2, independent });
  } else shipped = compileShipped(srcs);
  cached = shipped;
  return cached;
}

/** The cache, or null when it is missing or unreadable (then the sources are parsed). */
function readCompiled(): Compiled | null {
  try {
    return JSON.parse(readFileSync(dataPath('registry', COMPILED_FILE), 'utf8')) as Compiled;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || err instanceof SyntaxError) return null;
    throw err;
  }
}

/** Whether compiled.json matches the sources (checked by a test). */
export function compiledIsFresh(): boolean {
  return readCompiled()?.hash === sourceHash(sources());
}

/** Writes data/registry/compiled.json from the sources. */
export function writeCompiled(): string {
  const srcs = sources();
  const shipped = compileShipped(srcs);
  const files: Record<string, string> = {};
  for (const [id, path] of Object.entries(shipped.files)) files[id] = srcs.find((s) => s.path === path)!.name;
  const out: Compiled = { hash: sourceHash(srcs), ...shipped, files };
  const path = dataPath('registry', COMPILED_FILE);
  writeFileSync(path, `${JSON.stringify(out)}\n`);
  return path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`wrote ${writeCompiled()}\n`);
}
