// A bounded semaphore for CPU-heavy work in this process (argon2id). At most
// `concurrency` tasks run at once and at most `queue` wait; past that the work
// is refused at once with SERVER_BUSY (HTTP 429) instead of piling up until
// every request times out. Per instance on purpose: it guards this instance's CPU.
import { AppError } from "~/server/errors";

export type Semaphore = {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running and waiting, for tests and health checks. */
  load(): { running: number; waiting: number };
};

export function createSemaphore(options: { concurrency: number; queue: number }): Semaphore {
  let running = 0;
  const waiting: (() => void)[] = [];

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  async function acquire(): Promise<void> {
    if (running < options.concurrency) {
      running++;
      return;
    }
    if (waiting.length >= options.queue) throw new AppError("SERVER_BUSY");
    // The releasing task hands its slot over, so `running` stays the same.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  return {
    async run(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}
