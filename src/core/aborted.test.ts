import { describe, expect, it } from 'vitest';
import { whenAborted } from './aborted.js';

describe('whenAborted', () => {
  it('settles on a later abort and on one that already happened', async () => {
    const later = new AbortController();
    const pending = whenAborted(later.signal);
    later.abort();
    await expect(pending).resolves.toBeUndefined();
    const before = new AbortController();
    before.abort();
    await expect(whenAborted(before.signal)).resolves.toBeUndefined();
  });
});
