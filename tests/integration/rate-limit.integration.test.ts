// Rate limits live in PostgreSQL: two app instances (two clients) count against
// the same window, and the window ends on time.
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { consumeRateLimit, enforceRateLimit, peekRateLimit, resetRateLimit } from "~/server/security/rate-limit";
import { testPrisma, unique } from "./support";

const instanceA = testPrisma();
const instanceB = testPrisma();
afterAll(async () => {
  await instanceA.$disconnect();
  await instanceB.$disconnect();
});

describe("rate limits shared by instances", () => {
  it("counts hits from every instance in one window and refuses past the limit", async () => {
    const rule = { key: unique("test:shared:"), limit: 5, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => consumeRateLimit(i % 2 ? instanceA : instanceB, rule)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const refused = await enforceRateLimit(instanceA, rule).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("RATE_LIMITED");
    expect(Number((refused as AppError).vars.seconds)).toBeGreaterThan(0);
    expect((refused as AppError).messageIn("zh-CN")).toMatch(/秒后再试/);
  });

  it("starts a new window once the old one has ended", async () => {
    const rule = { key: unique("test:window:"), limit: 1, windowSeconds: 1 };
    expect((await consumeRateLimit(instanceA, rule)).allowed).toBe(true);
    expect((await consumeRateLimit(instanceA, rule)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 1_100));
    const fresh = await consumeRateLimit(instanceB, rule);
    expect(fresh).toMatchObject({ allowed: true, hits: 1 });
  });

  it("peeks without counting, and forgets a key on reset", async () => {
    const rule = { key: unique("test:peek:"), limit: 2, windowSeconds: 60 };
    await consumeRateLimit(instanceA, rule);
    expect((await peekRateLimit(instanceB, rule)).hits).toBe(1);
    expect((await peekRateLimit(instanceB, rule)).hits).toBe(1);
    await resetRateLimit(instanceA, rule.key);
    expect((await peekRateLimit(instanceB, rule)).hits).toBe(0);
  });
});
