// For registry tests: the actor ids the shipped registry resolves a surface form to.
import { loadRegistry } from './load.js';
import { normalizeName } from './normalize.js';

const registry = loadRegistry();

/** Ids of the registry's hits for `surface` (only hits found `via` a given route, when one is named). */
export const idsOf = (surface: string, via?: string): string[] =>
  registry
    .lookup(normalizeName(surface))
    .filter((h) => !via || h.via === via)
    .map((h) => h.actorId);
