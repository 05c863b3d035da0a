// A semaphore for CPU-heavy work in this process (argon2id). At most
// `concurrency` tasks run at once; the rest wait in lanes that take turns, so a
// burst in one lane (2,000 freshmen of one school scanning a poster) is served
// slower but never ahead of a single try in another lane (another school, or
// the school's back office). Per instance on purpose: it guards this
// instance's CPU.
//
// Each lane holds at most `queue` waiting tasks; past that the work is refused
// at once with SERVER_BUSY (HTTP 429) instead of piling up without bound. The
// callers' own limits (per address, per account) run before a task enters a
// lane, so one client cannot fill a lane for everyone.
import { AppError } from "~/server/errors";

export type Semaphore = {
  /** Runs the task when a slot is free and it is its lane's turn. */
  run<T>(task: () => Promise<T>, lane?: string): Promise<T>;
  /** Tasks running, and waiting (in one lane, or in all), for tests and health checks. */
  load(lane?: string): { running: number; waiting: number };
};

const DEFAULT_LANE = "default";

export function createSemaphore(options: { concurrency: number; queue: number }): Semaphore {
  let running = 0;
  // A Map keeps insertion order: the first lane is the next to be served, and a
  // lane that was served goes to the back if it still has waiting tasks.
  const lanes = new Map<string, (() => void)[]>();

  function release(): void {
    const first = lanes.entries().next();
    if (first.done) {
      running--;
      return;
    }
    const [lane, waiting] = first.value;
    const next = waiting.shift()!;
    lanes.delete(lane);
    if (waiting.length > 0) lanes.set(lane, waiting);
    // The releasing task hands its slot over, so `running` stays the same.
    next();
  }

  async function acquire(lane: string): Promise<void> {
    if (running < options.concurrency) {
      running++;
      return;
    }
    const waiting = lanes.get(lane) ?? [];
    if (waiting.length >= options.queue) throw new AppError("SERVER_BUSY");
    if (waiting.length === 0) lanes.set(lane, waiting);
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  return {
    async run(task, lane = DEFAULT_LANE) {
      await acquire(lane);
      try {
        return await task();
      } finally {
        release();
      }
    },
    load(lane) {
      const waiting =
        lane === undefined ? [...lanes.values()].reduce((sum, queue) => sum + queue.length, 0) : (lanes.get(lane)?.length ?? 0);
      return { running, waiting };
    },
  };
}
