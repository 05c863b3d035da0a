// Learning members' WeCom state without the contact callback (reference §7.3:
// today's contact callbacks say nothing about follows). Jobs of the
// "wecom-status" queue, one per key at a time (stately policy, jobs/queue.ts):
//   member.watch     polls user/get (app token) for a member whose journey waits
//                    on a follow: 20 s doubling to 30 min, given up after 24 h,
//                    ended by status 1 (or the member leaving WeCom)
//   member.read      one read, e.g. after an unsubscribe, to learn which it was
//   tenant.reconcile the school's visible range and every synced member's state
//   reconcile.all    the schedule's tick: one tenant.reconcile per connected school
import { z } from "zod";
import type PgBoss from "pg-boss";
import { audit } from "~/server/audit/audit";
import { unscopedClient } from "~/server/scope";
import { QUEUES, type sendInTransaction } from "~/server/jobs/queue";
import { sendWecomJob } from "~/server/jobs/wecom-jobs";
import { readWecomState, recordWecomState } from "./member-record";
import { reconcileAllSchools, reconcileSchool } from "./reconcile";
import { wecomClientFor } from "./client-for";
import { DEFAULT_WATCH, wecomJobScope, type SyncDeps, type WecomJobScope } from "./sync-deps";

const ids = { tenantId: z.string().uuid(), memberId: z.string().uuid() };

export const wecomStatusJob = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("member.watch"), ...ids, startedAt: z.string().datetime(), attempt: z.number().int().min(0) }),
  z.object({ kind: z.literal("member.read"), ...ids }),
  z.object({ kind: z.literal("tenant.reconcile"), tenantId: z.string().uuid() }),
  z.object({ kind: z.literal("reconcile.all") }),
]);
export type WecomStatusJob = z.infer<typeof wecomStatusJob>;

const watchKey = (memberId: string) => `watch:${memberId}`;

/** One job per key at a time: a member has one watch waiting, a school one reconciliation. */
export function statusJobKey(job: WecomStatusJob): string {
  switch (job.kind) {
    case "member.watch":
      return watchKey(job.memberId);
    case "member.read":
      return `read:${job.memberId}`;
    case "tenant.reconcile":
      return `reconcile:${job.tenantId}`;
    case "reconcile.all":
      return "reconcile-all";
  }
}

type Executor = Parameters<typeof sendInTransaction>[1];

export function sendStatusJob(
  jobs: PgBoss,
  tx: Executor,
  job: WecomStatusJob,
  options: { startAfterSeconds?: number } = {},
): Promise<string | null> {
  const parsed = wecomStatusJob.parse(job);
  return sendWecomJob(jobs, tx, QUEUES.wecomStatus, parsed, {
    singletonKey: statusJobKey(parsed),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    // A watch's next poll carries on its row: one row per watch.
    continues: parsed.kind === "member.watch" && parsed.attempt > 0,
  });
}

/**
 * Starts watching for a member's follow (the member journey calls this when it
 * shows the follow step; the sync calls it after creating or re-creating the
 * member in WeCom and after an invitation). Inside the caller's transaction when
 * one is given. A watch already waiting for the member stays the one watch.
 */
export function startFollowWatch(
  jobs: PgBoss,
  tx: Executor,
  member: { tenantId: string; memberId: string },
  policy = DEFAULT_WATCH,
): Promise<string | null> {
  return sendStatusJob(
    jobs,
    tx,
    { kind: "member.watch", ...member, startedAt: new Date().toISOString(), attempt: 0 },
    { startAfterSeconds: policy.firstSeconds },
  );
}

/**
 * Starts a fresh watch (first poll soon, a new 24 h bound) in place of one
 * waiting with a long backoff: after the member was re-created in WeCom they
 * must follow again, and soon.
 */
export async function restartFollowWatch(scope: WecomJobScope, memberId: string): Promise<void> {
  // pg-boss's own table: outside the tenant filter, keyed by the member's own watch.
  const prisma = unscopedClient(scope);
  const dropped = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `DELETE FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state = 'created' RETURNING id::text`,
    QUEUES.wecomStatus,
    watchKey(memberId),
  );
  // The watch it replaces goes with its row.
  if (dropped.length > 0) await scope.db.wecomJob.deleteMany({ where: { jobId: { in: dropped.map((job) => job.id) } } });
  await startFollowWatch(scope.jobs, prisma, { tenantId: scope.tenant.id, memberId }, scope.wecom.watch);
}

/** Reads the member's state with the app's token and records it. */
async function readAndRecord(scope: WecomJobScope, memberId: string, wecomUserId: string) {
  const said = await readWecomState(await wecomClientFor(scope, scope.wecom), wecomUserId, "POLL");
  await recordWecomState(scope.db, { tenantId: scope.tenant.id, memberId }, said);
  return said;
}

async function watchMember(scope: WecomJobScope, job: Extract<WecomStatusJob, { kind: "member.watch" }>): Promise<void> {
  const { db } = scope;
  const member = await db.member.findUnique({
    where: { id: job.memberId },
    select: { account: true, wecomUserId: true, wecom: { select: { writtenAt: true, state: true } } },
  });
  // Deleted, or not (or no longer) in WeCom: nothing to wait for; a re-creation starts a new watch.
  if (!member?.wecomUserId || !member.wecom?.writtenAt) return;
  // A subscribe callback said so meanwhile.
  if (member.wecom.state === "ACTIVATED") return;
  const said = await readAndRecord(scope, job.memberId, member.wecomUserId);
  if (said.state === "ACTIVATED" || said.state === "NOT_IN_WECOM") return;
  const policy = scope.wecom.watch ?? DEFAULT_WATCH;
  const delay = Math.min(policy.firstSeconds * 2 ** (job.attempt + 1), policy.maxSeconds);
  if ((Date.now() - Date.parse(job.startedAt)) / 1000 + delay > policy.boundSeconds) {
    await audit(db, {
      actorKind: "system",
      action: "wecom.watch.ended",
      target: member.account,
      detail: { state: said.state, polls: job.attempt + 1 },
    });
    return;
  }
  await sendStatusJob(scope.jobs, unscopedClient(scope), { ...job, attempt: job.attempt + 1 }, { startAfterSeconds: delay });
}

async function readMember(scope: WecomJobScope, job: Extract<WecomStatusJob, { kind: "member.read" }>): Promise<void> {
  const member = await scope.db.member.findUnique({ where: { id: job.memberId }, select: { wecomUserId: true } });
  if (member?.wecomUserId) await readAndRecord(scope, job.memberId, member.wecomUserId);
}

/** The worker's entry: reads the job, builds its school's scope, and runs it there. */
export async function runWecomStatusJob(deps: SyncDeps, data: unknown): Promise<void> {
  const job = wecomStatusJob.parse(data);
  switch (job.kind) {
    case "member.watch":
      return watchMember(await wecomJobScope(deps, job.tenantId), job);
    case "member.read":
      return readMember(await wecomJobScope(deps, job.tenantId), job);
    case "tenant.reconcile":
      return reconcileSchool(await wecomJobScope(deps, job.tenantId));
    case "reconcile.all":
      return reconcileAllSchools(deps, (tenantId) => sendStatusJob(deps.jobs, deps.prisma, { kind: "tenant.reconcile", tenantId }));
  }
}

/** The schedule's cron for a reconciliation every `hours` hours (on the hour). */
export function reconcileCron(hours: number): string {
  return hours >= 24 ? "0 0 * * *" : `0 */${hours} * * *`;
}

/** Registers (or updates) the reconciliation schedule; every instance may call it, pg-boss keeps one. */
export async function scheduleReconciliation(boss: PgBoss, hours: number): Promise<void> {
  await boss.schedule(QUEUES.wecomStatus, reconcileCron(hours), { kind: "reconcile.all" }, { singletonKey: "reconcile-all" });
}
