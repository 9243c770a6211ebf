import type { Logger } from '../core/logger.js';
import type { Store } from './types.js';

// Placeholder until the store is written.
export async function openStore(_location: string, _logger: Logger): Promise<Store> {
  throw new Error('store not implemented yet');
}
