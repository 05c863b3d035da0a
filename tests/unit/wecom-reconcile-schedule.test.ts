// The reconciliation's schedule (WECOM_RECONCILE_HOURS): every N hours, on the hour.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { reconcileCron } from "~/server/wecom/status-jobs";

const saved = process.env.WECOM_RECONCILE_HOURS;
afterEach(() => {
  if (saved === undefined) delete process.env.WECOM_RECONCILE_HOURS;
  else process.env.WECOM_RECONCILE_HOURS = saved;
});

async function reconcileHours(value: string | undefined): Promise<number> {
  Object.assign(process.env, {
    DATABASE_URL: "postgresql://postgres:secret@127.0.0.1:5432/campus",
    APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    NEXTAUTH_SECRET: "x".repeat(40),
  });
  if (value === undefined) delete process.env.WECOM_RECONCILE_HOURS;
  else process.env.WECOM_RECONCILE_HOURS = value;
  vi.resetModules();
  const { serverEnv } = await import("~/env");
  return serverEnv().WECOM_RECONCILE_HOURS;
}

describe("the WeCom reconciliation schedule", () => {
  it("runs every 6 hours unless WECOM_RECONCILE_HOURS says otherwise", async () => {
    expect(await reconcileHours(undefined)).toBe(6);
    expect(await reconcileHours("")).toBe(6);
    expect(await reconcileHours("2")).toBe(2);
    expect(reconcileCron(6)).toBe("0 */6 * * *");
    expect(reconcileCron(24)).toBe("0 0 * * *");
  });

  it("stops the start on an interval that is not 1 to 24 whole hours, naming the variable", async () => {
    for (const bad of ["0", "25", "1.5", "often"]) await expect(reconcileHours(bad)).rejects.toThrow(/WECOM_RECONCILE_HOURS/);
  });
});
