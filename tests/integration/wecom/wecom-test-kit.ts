// A school in the database connected to a corp in a real simulator process
// (over HTTP), for the product's WeCom tests.
import type PgBoss from "pg-boss";
import type { PrismaClient } from "~/generated/prisma/client";
import { encryptSecret, parseKey } from "~/server/crypto/secrets";
import { generateCallbackKeys } from "~/server/wecom/callback-crypto";
import { wecomClientFor } from "~/server/wecom/client-for";
import { wecomSealContext } from "~/server/wecom/seals";
import type { RetryPolicy, WecomClient } from "~/server/wecom/client";
import { runWecomStatusJob } from "~/server/wecom/status-jobs";
import { makeCorp, type TestCorp, type TestSim } from "../wecom-sim/helpers";
import { adminActor, makeTenant, testScope, type TestTenant } from "../support";

export const encryptionKey = () => parseKey(process.env.APP_ENCRYPTION_KEY!);

/** Quick retries, so fault tests finish in moments. */
export const FAST_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 5, timeoutMs: 1_000 };

export type ConnectedSchool = { tenant: TestTenant; corp: TestCorp; client: (prisma?: PrismaClient) => Promise<WecomClient> };

/** The operator allows this simulator as a WeCom API (as npm start and npm test do with WECOM_SIMULATOR_URL). */
export function allowSimulator(url: string): void {
  process.env.WECOM_SIMULATOR_URL = url;
}

/** A school connected to a corp its admin set up for the product today (makeCorp); `options.trustedIps: false` for 60020. */
export async function connectedSchool(
  prisma: PrismaClient,
  sim: TestSim,
  corpExtra: Record<string, unknown> = {},
  options: { trustedIps?: boolean } = {},
): Promise<ConnectedSchool> {
  allowSimulator(sim.url);
  const tenant = await makeTenant(prisma);
  const corp = await makeCorp(sim, corpExtra, options);
  await prisma.wecomConnection.update({
    where: { tenantId: tenant.tenantId },
    data: {
      apiBaseUrl: sim.url,
      corpId: corp.corpid,
      agentId: corp.assistantAgentid,
      appSecretEnc: encryptSecret(corp.assistantSecret, encryptionKey(), wecomSealContext("appSecretEnc", tenant.tenantId)),
      contactSecretEnc: encryptSecret(corp.contactSecret, encryptionKey(), wecomSealContext("contactSecretEnc", tenant.tenantId)),
    },
  });
  return {
    tenant,
    corp,
    client: async (client = prisma) =>
      wecomClientFor(await testScope(client, tenant.tenantId), { encryptionKey: encryptionKey(), retry: FAST_RETRY }),
  };
}

function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Counts the HTTP calls the product makes to the simulator, by API path. */
export function countCalls() {
  const original = globalThis.fetch;
  const calls: { path: string; body: unknown }[] = [];
  globalThis.fetch = (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const path = url.pathname.replace(/^\/cgi-bin\//, "");
    calls.push({ path, body: typeof init?.body === "string" ? jsonOrNull(init.body) : null });
    return original(input, init);
  };
  return {
    /** How many calls to the path this process made, whoever made them. */
    of: (path: string) => calls.filter((call) => call.path === path).length,
    /** The JSON bodies of those calls. */
    bodies: (path: string) => calls.filter((call) => call.path === path).map((call) => call.body),
    restore: () => void (globalThis.fetch = original),
  };
}

/** Polls until `probe` gives a value: jobs and callbacks arrive in their own time. */
export async function eventually<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The WeCom jobs' dependencies as a test runs them: quick retries, the given queue. */
export const syncDeps = (prisma: PrismaClient, jobs: PgBoss) => ({ prisma, encryptionKey: encryptionKey(), retry: FAST_RETRY, jobs });

type PendingStatusJob = { id: string; data: Record<string, unknown>; startAfter: Date; state: string };

/** The wecom-status jobs of a key (e.g. "watch:<memberId>") not yet done: what a worker would run next, and when. */
export async function pendingStatusJobs(prisma: PrismaClient, key: string): Promise<PendingStatusJob[]> {
  return prisma.$queryRawUnsafe<PendingStatusJob[]>(
    `SELECT id::text, data, start_after AS "startAfter", state::text FROM pgboss.job
      WHERE name = 'wecom-status' AND singleton_key = $1 AND state IN ('created', 'retry') ORDER BY created_on`,
    key,
  );
}

/** Runs the member's waiting status job (watch or read) now, as a worker would when it comes due, and marks it done. */
export async function runPendingStatusJob(prisma: PrismaClient, jobs: PgBoss, key: string): Promise<void> {
  const [job] = await pendingStatusJobs(prisma, key);
  if (!job) throw new Error(`no pending status job ${key}`);
  await prisma.$executeRawUnsafe(`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE id = $1::uuid`, job.id);
  await runWecomStatusJob(syncDeps(prisma, jobs), job.data);
  await prisma.$executeRawUnsafe(`UPDATE pgboss.job SET state = 'completed', completed_on = now() WHERE id = $1::uuid`, job.id);
}

/** The member's record of WeCom (MemberWecom). */
export function wecomRecord(prisma: PrismaClient, memberId: string) {
  return prisma.memberWecom.findUnique({ where: { memberId } });
}

/** The scope the back office's member changes (manage-members.ts) get, for a school's IT admin. */
export function directoryDeps(prisma: PrismaClient, jobs: PgBoss, school: ConnectedSchool) {
  return testScope(prisma, school.tenant.tenantId, { actor: adminActor(school.tenant, "192.0.2.10"), jobs });
}

/** Gives the school fresh callback keys (Token, EncodingAESKey), as its admin's 【重新生成】 does; returns them. */
export async function withCallbackKeys(prisma: PrismaClient, tenantId: string): Promise<{ token: string; encodingAesKey: string }> {
  const keys = generateCallbackKeys();
  await prisma.wecomConnection.update({
    where: { tenantId },
    data: {
      callbackTokenEnc: encryptSecret(keys.token, encryptionKey(), wecomSealContext("callbackTokenEnc", tenantId)),
      callbackAesKeyEnc: encryptSecret(keys.encodingAesKey, encryptionKey(), wecomSealContext("callbackAesKeyEnc", tenantId)),
    },
  });
  return keys;
}
