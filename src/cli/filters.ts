// The registry for commands that resolve --actor / --dyad / --person arguments (resolution
// itself: src/registry/resolve.ts; days: src/core/days.ts).
import { loadRegistry } from '../registry/load.js';
import type { Registry } from '../registry/types.js';
import type { CliContext } from './context.js';

/** The registry from the config's files, loaded on first call (commands without actor filters never load it). */
export function lazyRegistry(ctx: Pick<CliContext, 'config'>): () => Registry {
  let registry: Registry | null = null;
  return () => {
    if (!registry) {
      const { files, userFile } = ctx.config().registry;
      registry = loadRegistry({ files, userFile });
    }
    return registry;
  };
}

