import { describe, expect, it } from 'vitest';
import { deadOwners, ownerId, parseOwner, pidAlive, PROCESS_OWNER } from './lease-owner.js';

describe('lease owners', () => {
  it('names this process by host, pid and a random token', () => {
    expect(parseOwner(PROCESS_OWNER)).toEqual({ host: expect.any(String), pid: process.pid });
    expect(ownerId('box', 12)).not.toBe(ownerId('box', 12));
    expect(parseOwner('box.example:12:ab12')).toEqual({ host: 'box.example', pid: 12 });
    expect(parseOwner('nonsense')).toBeNull();
  });

  it('finds dead owners on this machine only, and a predecessor that had our pid', () => {
    const self = ownerId('box', 100, 'self');
    const alive = (pid: number) => pid === 100 || pid === 200;
    const owners = [self, ownerId('box', 100, 'prev'), ownerId('box', 200, 'live'), ownerId('box', 300, 'dead'), ownerId('other', 300, 'far'), 'legacy'];
    expect(deadOwners(owners, self, alive)).toEqual([ownerId('box', 100, 'prev'), ownerId('box', 300, 'dead')]);
  });

  it('checks pids for real', () => {
    expect(pidAlive(process.pid)).toBe(true);
    expect(pidAlive(2 ** 22 + 1)).toBe(false);
  });
});
