// A promise that settles when a signal aborts, also when it already has: a stop that arrives
// while a process is still starting (a SIGTERM during startup) must not be missed, since an
// 'abort' listener added after the fact never fires.
export function whenAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
