// Durable sync to WeCom. A change that must reach WeCom writes a job in the
// same transaction (enqueueWecomSync); a worker runs it (runWecomSyncJob).
// Jobs carry ids, not data: each run reads the member as it is now and brings
// WeCom to that state, so running a job twice, late or out of order does no harm.
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { PrismaClient } from "~/generated/prisma/client";
import { tenantDb } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";
import { QUEUES, sendInTransaction } from "~/server/jobs/queue";
import type { RetryPolicy } from "./client";
import { WecomClient } from "./client";
import { loadWecomConnection } from "./connection";
import { WecomApiError } from "./errors";
import { textContent } from "./message-limits";

export const wecomSyncJob = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("member.upsert"), tenantId: z.string().uuid(), memberId: z.string().uuid() }),
  z.object({ kind: z.literal("member.delete"), tenantId: z.string().uuid(), memberId: z.string().uuid(), wecomUserId: z.string() }),
  z.object({ kind: z.literal("member.invite"), tenantId: z.string().uuid(), memberId: z.string().uuid() }),
  z.object({ kind: z.literal("message.text"), tenantId: z.string().uuid(), memberIds: z.array(z.string().uuid()).min(1), content: textContent }),
]);
export type WecomSyncJob = z.infer<typeof wecomSyncJob>;

type RawExecutor = Parameters<typeof sendInTransaction>[1];

/** Writes the job inside the caller's transaction: it exists if and only if the change committed. */
export async function enqueueWecomSync(boss: PgBoss, tx: RawExecutor, job: WecomSyncJob): Promise<string | null> {
  return sendInTransaction(boss, tx, QUEUES.wecomSync, wecomSyncJob.parse(job));
}

const USERID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** WeCom userids ignore case and allow few characters (reference §2.1); 学工号 almost always fit. */
export function wecomUserIdFor(account: string): string {
  const lower = account.toLowerCase();
  return USERID.test(lower) ? lower : `m${Buffer.from(account).toString("hex").slice(0, 60)}`;
}

/** Mainland numbers as plain 11 digits, foreign ones with their "+" prefix (WeCom allows digits, "+" and "-"). */
export function wecomMobileOf(e164: string): string {
  return e164.startsWith("+86") ? e164.slice(3) : e164;
}

export type SyncDeps = { prisma: PrismaClient; encryptionKey: Buffer; retry?: RetryPolicy };

const notFound = (error: unknown) => error instanceof WecomApiError && [60111, 46004, 60121].includes(error.errcode);

async function clientFor(deps: SyncDeps, tenantId: string): Promise<WecomClient> {
  return new WecomClient(deps.prisma, await loadWecomConnection(deps.prisma, tenantId, deps.encryptionKey), deps.encryptionKey, deps.retry);
}

async function upsertMember(deps: SyncDeps, job: Extract<WecomSyncJob, { kind: "member.upsert" }>): Promise<void> {
  const db = tenantDb(deps.prisma, job.tenantId);
  const member = await db.member.findUnique({ where: { id: job.memberId }, select: { account: true, name: true, phone: true, email: true, wecomUserId: true } });
  if (!member) return; // deleted since: its delete job removes it from WeCom
  const client = await clientFor(deps, job.tenantId);
  const userid = member.wecomUserId ?? wecomUserIdFor(member.account);
  await refuseUserIdOfAnotherMember(db, job.memberId, userid);
  const desired = { name: member.name, mobile: member.phone ? wecomMobileOf(member.phone) : undefined, email: member.email ?? undefined };

  const current = await client.getUser(userid).catch((error: unknown) => {
    if (notFound(error)) return null;
    throw error;
  });
  // WeCom needs a phone or an email (60129): a member with neither joins WeCom when they bind a phone.
  if (!current && !desired.mobile && !desired.email) return;
  if (!current) {
    await client.createUser({ userid, ...desired, department: [1], to_invite: false }).catch(async (error: unknown) => {
      // Created by an earlier run that died before it could record it.
      if (error instanceof WecomApiError && error.errcode === 60102) return client.updateUser({ userid, ...desired });
      throw error;
    });
  } else {
    const changed = Object.fromEntries(
      Object.entries(desired).filter(([field, value]) => value !== undefined && value !== current[field as keyof typeof current]),
    );
    if (Object.keys(changed).length > 0) await client.updateUser({ userid, ...changed });
  }
  const after = await client.getUser(userid);
  // updateMany: the member may have been deleted while this ran; its delete job follows.
  await db.member.updateMany({ where: { id: job.memberId }, data: { wecomUserId: userid, wecomStatus: after.status, wecomSyncedAt: new Date() } });
}

/**
 * WeCom userids ignore case: a userid that another member of the school holds
 * (or will get from their account) is theirs, and syncing this member onto it
 * would overwrite their name and phone. No retry can fix that; the admin must.
 */
async function refuseUserIdOfAnotherMember(db: ReturnType<typeof tenantDb>, memberId: string, userid: string): Promise<void> {
  const holder = await db.member.findFirst({
    where: {
      id: { not: memberId },
      OR: [{ wecomUserId: { equals: userid, mode: "insensitive" } }, { wecomUserId: null, account: { equals: userid, mode: "insensitive" } }],
    },
    select: { account: true },
  });
  if (holder) throw new AppError("WECOM_USERID_TAKEN", { userid, holder: holder.account });
}

async function deleteMember(deps: SyncDeps, job: Extract<WecomSyncJob, { kind: "member.delete" }>): Promise<void> {
  const client = await clientFor(deps, job.tenantId);
  await client.deleteUser(job.wecomUserId).catch((error: unknown) => {
    if (!notFound(error)) throw error;
  });
}

async function userIdsOf(deps: SyncDeps, tenantId: string, memberIds: string[]): Promise<string[]> {
  const members = await tenantDb(deps.prisma, tenantId).member.findMany({
    where: { id: { in: memberIds }, wecomUserId: { not: null } },
    select: { wecomUserId: true },
  });
  return members.map((m) => m.wecomUserId!);
}

export async function runWecomSyncJob(deps: SyncDeps, data: unknown): Promise<void> {
  const job = wecomSyncJob.parse(data);
  switch (job.kind) {
    case "member.upsert":
      return upsertMember(deps, job);
    case "member.delete":
      return deleteMember(deps, job);
    case "member.invite": {
      const userids = await userIdsOf(deps, job.tenantId, [job.memberId]);
      if (userids.length > 0) await (await clientFor(deps, job.tenantId)).invite(userids);
      return;
    }
    case "message.text": {
      const userids = await userIdsOf(deps, job.tenantId, job.memberIds);
      if (userids.length > 0) await (await clientFor(deps, job.tenantId)).sendText({ touser: userids, content: job.content });
      return;
    }
  }
}
