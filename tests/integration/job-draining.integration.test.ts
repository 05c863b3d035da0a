// A busy queue drains at the pace of its jobs, not of its polling interval (jobs/queue.ts
// workDraining): pg-boss's own worker waits out the interval after every job, so 2,000 member syncs
// behind two workers at 2 s took over half an hour. Here the interval is 60 s: a worker that waited
// it would handle one job of the three before the test gives up.
import type PgBoss from "pg-boss";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoss, startBoss, workDraining } from "~/server/jobs/queue";
import { eventually } from "./wecom/wecom-test-kit";

let boss: PgBoss;
beforeAll(async () => {
  boss = await startBoss(createBoss(process.env.TEST_DATABASE_URL!));
});
afterAll(() => boss.stop({ graceful: false, wait: true }));

async function queueOf(jobs: number): Promise<string> {
  const name = `drain-test-${randomBytes(4).toString("hex")}`;
  await boss.createQueue(name, { name, retryLimit: 1, retryDelay: 120 });
  for (let i = 0; i < jobs; i++) await boss.send(name, { n: i });
  return name;
}

describe("a queue with work waiting", () => {
  it("is worked through job after job without waiting for the next poll", async () => {
    const queue = await queueOf(3);
    const handled: number[] = [];
    await workDraining<{ n: number }>(boss, queue, { pollingIntervalSeconds: 60 }, (job) => {
      handled.push(job.data.n);
      return Promise.resolve();
    });
    await eventually("all three jobs", () => Promise.resolve(handled.length === 3), 15_000);
    expect(handled.sort()).toEqual([0, 1, 2]);
  });

  it("goes on to the next job at once after one fails, and the failure is pg-boss's to retry", async () => {
    const queue = await queueOf(3);
    const handled: number[] = [];
    await workDraining<{ n: number }>(boss, queue, { pollingIntervalSeconds: 60 }, (job) => {
      handled.push(job.data.n);
      return job.data.n === 0 ? Promise.reject(new Error("WeCom timed out")) : Promise.resolve();
    });
    await eventually("all three jobs", () => Promise.resolve(handled.length === 3), 15_000);
    const failed = await boss.fetch(queue);
    // The failed one waits out its retry delay (120 s): not handed out again now.
    expect(failed).toEqual([]);
  });
});
