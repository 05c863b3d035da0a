// What every benchmark part stands on: a throwaway embedded PostgreSQL (or BENCH_DATABASE_ADMIN_URL's
// cluster) with a fresh database, every migration and pg-boss's tables, a school of its own, and a
// scope to call the product's domain functions with — the same code the app runs, minus HTTP.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { applyMigrations, createDatabases, databaseUrlFor, findFreePort, startEmbeddedPostgres } from "../../tools/db";
import { createBoss, startBoss } from "../../src/server/jobs/queue";
import { createPrismaClient } from "../../src/server/db/client";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { tenantScope, type TenantScope } from "../../src/server/scope";
import { tenantContextById, tenantSettingsCreate } from "../../src/server/tenants/tenant-context";

export type Bench = { prisma: PrismaClient; databaseUrl: string; scope: TenantScope; tenantId: string; close(): Promise<void> };

export async function openBench(label: string): Promise<Bench> {
  process.env.APP_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.LOG_LEVEL ??= "warn";
  let dir: string | null = null;
  let stopCluster: (() => Promise<void>) | null = null;
  let adminUrl = process.env.BENCH_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    dir = mkdtempSync(path.join(os.tmpdir(), "campus-bench-"));
    const cluster = await startEmbeddedPostgres({ dir, port: await findFreePort(57500), persistent: false });
    adminUrl = cluster.adminUrl;
    stopCluster = () => cluster.stop();
  }
  const name = `bench_${label}_${randomBytes(3).toString("hex")}`;
  await createDatabases(adminUrl, [name]);
  const databaseUrl = databaseUrlFor(adminUrl, name);
  process.env.DATABASE_URL = databaseUrl;
  await applyMigrations(databaseUrl);
  const boss = await startBoss(createBoss(databaseUrl));
  const prisma = createPrismaClient(databaseUrl);
  const tenant = await prisma.tenant.create({
    data: {
      slug: `bench-${randomBytes(3).toString("hex")}`,
      name: "基准测试大学",
      nameEn: "Benchmark University",
      ...tenantSettingsCreate,
      identityKinds: { create: [{ code: "student_staff", nameZh: "在校师生", nameEn: "Students and staff", apps: ["消息中心"] }] },
    },
  });
  const scope = tenantScope({
    prisma,
    tenant: await tenantContextById(prisma, tenant.id),
    jobs: boss,
    actor: { kind: "system", id: `bench-${randomUUID().slice(0, 8)}`, ip: null },
  });
  return {
    prisma,
    databaseUrl,
    scope,
    tenantId: tenant.id,
    async close() {
      await boss.stop({ graceful: false, wait: true });
      await prisma.$disconnect();
      if (stopCluster) await stopCluster();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The highest resident set size and JavaScript heap in use seen while `work` runs, sampled every
 * 20 ms, and how long it took. The heap in use counts garbage not yet collected too: V8 lets it grow
 * while memory is plentiful (run.ts's BENCH_HEAP_MB caps it, to show what the work needs).
 */
export async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakRssMb: number; peakHeapMb: number; startRssMb: number }> {
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const startRssMb = mb(process.memoryUsage.rss());
  let peak = startRssMb;
  let peakHeap = mb(process.memoryUsage().heapUsed);
  const sample = () => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, mb(usage.rss));
    peakHeap = Math.max(peakHeap, mb(usage.heapUsed));
  };
  const timer = setInterval(sample, 20);
  const start = process.hrtime.bigint();
  try {
    const result = await work();
    sample();
    return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9, peakRssMb: peak, peakHeapMb: peakHeap, startRssMb };
  } finally {
    clearInterval(timer);
  }
}

/** The p-th percentile (0–100) of the values, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
