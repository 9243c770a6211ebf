// Who holds a job lease: "<hostname>:<pid>:<random>", one per process. A process that starts (and
// every pool, now and then) takes back at once the running jobs of owners on this machine whose
// process is gone, instead of waiting for their leases to expire; the random part tells a dead
// predecessor that had our pid (containers restart as pid 1) from ourselves.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store } from '../store/types.js';

export function ownerId(host: string, pid: number, token: string = randomBytes(4).toString('hex')): string {
  return `${host}:${pid}:${token}`;
}

/** This process's lease owner id. */
export const PROCESS_OWNER = ownerId(hostname(), process.pid);

export function parseOwner(id: string): { host: string; pid: number } | null {
  const m = /^(.+):(\d+):[0-9a-z]+$/i.exec(id);
  return m ? { host: m[1]!, pid: Number(m[2]) } : null;
}

/** Signal 0 checks that a process exists; EPERM means it does but belongs to another user. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The owners among `owners` that are dead processes on this machine (owners elsewhere are left to lease expiry). */
export function deadOwners(owners: string[], self: string = PROCESS_OWNER, alive: (pid: number) => boolean = pidAlive): string[] {
  const me = parseOwner(self);
  if (!me) return [];
  return owners.filter((o) => {
    if (o === self) return false;
    const p = parseOwner(o);
    if (!p || p.host !== me.host) return false;
    return p.pid === me.pid || !alive(p.pid);
  });
}

export interface ReclaimOptions {
  self?: string;
  maxReclaims?: number;
  alive?: (pid: number) => boolean;
}

/** Takes back the running jobs of dead owners on this machine; returns how many. */
export async function reclaimDeadOwners(store: Store, options: ReclaimOptions = {}): Promise<number> {
  const dead = deadOwners(await store.leaseOwners(), options.self, options.alive);
  return dead.length === 0 ? 0 : store.reclaimJobs(dead, { maxReclaims: options.maxReclaims });
}
