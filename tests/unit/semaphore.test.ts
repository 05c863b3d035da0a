import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { createSemaphore } from "~/server/security/semaphore";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("bounded semaphore for argon2 work", () => {
  it("runs at most `concurrency` tasks at once and starts a waiting one when a slot frees", async () => {
    const slots = createSemaphore({ concurrency: 2, queue: 5 });
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      slots.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1]);
    expect(slots.load()).toEqual({ running: 2, waiting: 1 });
    gates[0]!.resolve();
    await runs[0];
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.resolve();
    gates[2]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(slots.load()).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses with SERVER_BUSY (HTTP 429) once the queue is full, and accepts again when it drains", async () => {
    const slots = createSemaphore({ concurrency: 1, queue: 2 });
    const gate = deferred();
    const held = [slots.run(() => gate.promise), slots.run(() => gate.promise), slots.run(() => gate.promise)];
    const refused = await slots.run(() => Promise.resolve("never")).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("SERVER_BUSY");
    expect((refused as AppError).messageIn("zh-CN")).toContain("登录人数较多");
    gate.resolve();
    await Promise.all(held);
    await expect(slots.run(() => Promise.resolve("ok"))).resolves.toBe("ok");
  });

  it("frees the slot when a task fails", async () => {
    const slots = createSemaphore({ concurrency: 1, queue: 0 });
    await expect(slots.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(slots.run(() => Promise.resolve(1))).resolves.toBe(1);
  });

  it("takes turns between lanes: a burst in one lane waits behind a single task of another for at most one turn", async () => {
    const slots = createSemaphore({ concurrency: 1, queue: 10 });
    const gate = deferred();
    const started: string[] = [];
    const task = (name: string) => () => {
      started.push(name);
      return Promise.resolve(name);
    };
    const holder = slots.run(() => gate.promise, "school-a");
    const burst = ["a1", "a2", "a3", "a4"].map((name) => slots.run(task(name), "school-a"));
    const other = slots.run(task("b1"), "school-b");
    const admin = slots.run(task("admin1"), "school-a-admin");
    expect(slots.load("school-a")).toEqual({ running: 1, waiting: 4 });
    expect(slots.load()).toEqual({ running: 1, waiting: 6 });
    gate.resolve();
    await Promise.all([holder, ...burst, other, admin]);
    expect(started).toEqual(["a1", "b1", "admin1", "a2", "a3", "a4"]);
  });

  it("bounds each lane's queue on its own: a full lane refuses while another lane still queues", async () => {
    const slots = createSemaphore({ concurrency: 1, queue: 2 });
    const gate = deferred();
    const held = [slots.run(() => gate.promise, "a"), slots.run(() => gate.promise, "a"), slots.run(() => gate.promise, "a")];
    const refused = await slots.run(() => Promise.resolve("never"), "a").catch((e: unknown) => e);
    expect((refused as AppError).code).toBe("SERVER_BUSY");
    const queued = slots.run(() => Promise.resolve("served"), "b");
    expect(slots.load("b")).toEqual({ running: 1, waiting: 1 });
    gate.resolve();
    await Promise.all(held);
    await expect(queued).resolves.toBe("served");
  });
});
