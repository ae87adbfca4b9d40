/** At most `limit` holders at once; the others wait in arrival order. */
export interface Semaphore {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

/** A new semaphore with `limit` places (at least one). */
export function createSemaphore(limit: number): Semaphore {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(fn) {
      if (running >= Math.max(1, limit)) await new Promise<void>((resolve) => waiting.push(resolve));
      running++;
      try {
        return await fn();
      } finally {
        running--;
        waiting.shift()?.();
      }
    },
  };
}
