// Loads the shipped registry data plus users' YAML files into an indexed Registry.
// The shipped data is parsed once per process; user files are re-read (they are small) so a
// long-running process sees `readout actors add` edits, and an unchanged set reuses the index.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { ReadoutError } from '../core/errors.js';
import { buildRegistry } from './build-index.js';
import { MERGE_ONLY, parseActorsFile } from './schema.js';
import { loadShipped, readText } from './shipped.js';
import type { Actor, Registry } from './types.js';

export interface RegistryOptions {
  /** The user's own file (written by `readout actors add|merge`); read when it exists. */
  userFile?: string;
  /** Users' extra YAML files (config `registry.files`), loaded after the shipped data. */
  files?: string[];
  /** Actors added at run time (e.g. confirmed candidates from the store). */
  extra?: Actor[];
}

const built = new Map<string, Registry>();

/** The shipped data's version ("countries.institutions.people" file versions). */
export function shippedVersion(): string {
  return loadShipped().version;
}

export function loadRegistry(options: RegistryOptions = {}): Registry {
  const base = loadShipped();
  const user: { path: string; raw: string }[] = (options.files ?? []).map((path) => ({ path, raw: readText(path) }));
  if (options.userFile && existsSync(options.userFile)) user.push({ path: options.userFile, raw: readText(options.userFile) });
  const extra = options.extra ?? [];
  // The version changes with every user file edit and every extra actor (a confirmed candidate),
  // so analyses made with another registry are found stale by `readout reanalyze`.
  const hash = user.length || extra.length ? versionHash(user.map((u) => u.raw), extra) : '';
  const version = hash ? `${base.version}+${hash}` : base.version;
  const cacheKey = `${user.map((u) => u.path).join('\0')}\n${version}`;
  if (!extra.length && built.has(cacheKey)) return built.get(cacheKey)!;

  const actors = new Map<string, Actor>(base.actors.map((a) => [a.id, a]));
  const files = new Map(Object.entries(base.files));
  for (const { path, raw } of user) {
    for (const a of parseActorsFile(path, raw, path).actors) {
      if (MERGE_ONLY.has(a)) {
        const prev = actors.get(a.id);
        if (!prev) throw refError(path, a.id, `merges "${a.id}", which is not in the registry`, 'give the full entry (type, name…) or fix the id');
        actors.set(a.id, { ...prev, mergedInto: a.mergedInto ?? null, origin: path });
      } else actors.set(a.id, a);
      files.set(a.id, path);
    }
  }
  for (const a of extra) {
    actors.set(a.id, { ...a, origin: a.origin ?? 'extra' });
    files.set(a.id, a.origin ?? 'extra actors');
  }
  checkReferences(actors, files);
  const registry = buildRegistry(actors, version);
  if (!extra.length) built.set(cacheKey, registry);
  return registry;
}

function versionHash(userFiles: string[], extra: Actor[]): string {
  const hash = createHash('sha256').update(userFiles.join('\0'));
  for (const a of [...extra].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    hash.update(`\n${a.id}\0${a.type}\0${a.name}\0${a.country ?? ''}\0${a.aliases.join('|')}`);
  }
  return hash.digest('hex').slice(0, 10);
}

function refError(file: string, id: string, what: string, hint: string): ReadoutError {
  return new ReadoutError('config', `registry file ${file}, entry ${id}: ${what}`, { hint });
}

/** Every parent, role org, country and mergedInto must name an actor in the registry. */
function checkReferences(actors: Map<string, Actor>, files: Map<string, string>): void {
  const hint = 'use an id from `readout actors list`, or add that actor first';
  for (const a of actors.values()) {
    const file = files.get(a.id) ?? 'registry';
    if (a.parent && !actors.has(a.parent)) throw refError(file, a.id, `parent "${a.parent}" is not in the registry`, hint);
    for (const r of a.roles ?? []) {
      if (r.org && !actors.has(r.org)) throw refError(file, a.id, `role "${r.title}" names org "${r.org}", which is not in the registry`, hint);
    }
    if (a.country && !actors.has(`country:${a.country}`)) {
      throw refError(file, a.id, `unknown country "${a.country}"`, 'use an ISO 3166-1 alpha-3 code, e.g. PRK, KOR, USA');
    }
    if (a.mergedInto) {
      const seen = new Set([a.id]);
      let cur: Actor | undefined = a;
      while (cur?.mergedInto) {
        if (seen.has(cur.mergedInto)) throw refError(file, a.id, `mergedInto "${a.mergedInto}" leads back to itself`, 'remove one of the merges');
        seen.add(cur.mergedInto);
        cur = actors.get(cur.mergedInto);
        if (!cur) throw refError(file, a.id, `mergedInto "${a.mergedInto}" is not in the registry`, hint);
      }
    }
  }
}
