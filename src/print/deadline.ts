/** Waiting with a limit: the two shapes the browser and the printer need. */

/** `promise`'s outcome, or `onTimeout()` thrown after `ms`; the abandoned promise's failure is ignored. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(onTimeout()), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits for `promise` to settle, but no longer than `ms`; its outcome is ignored. */
export async function waitAtMost(promise: Promise<unknown>, ms: number): Promise<void> {
  await withTimeout(promise, ms, () => new Error('waited long enough')).catch(() => undefined);
}
