// Durable sync to WeCom. A change that must reach WeCom writes a job in the
// same transaction (enqueueWecomSync); a worker runs it (runWecomSyncJob).
// Jobs carry ids, not data: each run reads the member as it is now and brings
// WeCom to that state, so running a job twice, late or out of order does no harm.
// WeCom as a corp set up today sees it (reference §7.5): the sync never reads a
// member with the contact-sync token; it diffs against the product's own record
// of what WeCom holds (MemberWecom) and confirms a new mobile with user/getuserid.
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { WecomState, WecomStateSource } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import type { TenantDb } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";
import { unscopedClient } from "~/server/scope";
import { QUEUES, type sendInTransaction } from "~/server/jobs/queue";
import { sendWecomJob, sendWecomJobs, type SendWecomJobOptions } from "~/server/jobs/wecom-jobs";
import type { WecomClient } from "./client";
import { WecomApiError } from "./errors";
import { isNotInWecom, readWecomState, recordWecomState, recordWritten } from "./member-record";
import { textCard, textContent } from "./message-limits";
import { restartFollowWatch } from "./status-jobs";
import { wecomMobileOf } from "./mobile";
import { wecomClientFor } from "./client-for";
import { ROOT_DEPARTMENT_ID, syncDepartment, wecomDepartmentFor } from "./department-sync";
import { wecomJobScope, type SyncDeps, type WecomJobScope } from "./sync-deps";

export const wecomSyncJob = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("member.upsert"),
    tenantId: z.string().uuid(),
    memberId: z.string().uuid(),
    /**
     * The member whose upsert waits for this one (切换身份, bindings/switch-identity.ts): the phone
     * moves from this member to that one, and WeCom refuses it to them (60104) while this one still
     * holds it, so their job is sent once this one has brought WeCom to this member's state.
     */
    then: z.string().uuid().optional(),
  }),
  z.object({
    kind: z.literal("member.delete"),
    tenantId: z.string().uuid(),
    memberId: z.string().uuid(),
    wecomUserId: z.string(),
    /** The mobile WeCom holds for it per the product's record: another member's 60104 on it waits for this job. */
    mobile: z.string().optional(),
  }),
  z.object({ kind: z.literal("member.invite"), tenantId: z.string().uuid(), memberId: z.string().uuid() }),
  /** Brings one department of the school's tree into WeCom (department-sync.ts). */
  z.object({ kind: z.literal("department.create"), tenantId: z.string().uuid(), departmentId: z.string().uuid() }),
  z.object({
    kind: z.literal("message.text"),
    tenantId: z.string().uuid(),
    memberIds: z.array(z.string().uuid()).min(1),
    content: textContent,
  }),
  /** A text card (the service hall's notices, servicehall/notify.ts): a title, a few lines and a link back. */
  z.object({
    kind: z.literal("message.textcard"),
    tenantId: z.string().uuid(),
    memberIds: z.array(z.string().uuid()).min(1),
    card: textCard,
  }),
]);
export type WecomSyncJob = z.infer<typeof wecomSyncJob>;

type RawExecutor = Parameters<typeof sendInTransaction>[1];
/** What a sync job is sent with: a transaction (plain or tenant-bound) or a client. */
export type sendInTransactionExecutor = RawExecutor;

/** Writes the job and its WecomJob row inside the caller's transaction: they exist if and only if the change committed. */
export async function enqueueWecomSync(
  boss: PgBoss,
  tx: RawExecutor,
  job: WecomSyncJob,
  options: SendWecomJobOptions = {},
): Promise<string | null> {
  return sendWecomJob(boss, tx, QUEUES.wecomSync, wecomSyncJob.parse(job), options);
}

/** Many members' sync jobs at once, in the caller's transaction (an import's batch): see sendWecomJobs. */
export async function enqueueWecomSyncMany(
  boss: PgBoss,
  tx: RawExecutor,
  jobs: readonly WecomSyncJob[],
  options: Pick<SendWecomJobOptions, "priority"> = {},
): Promise<string[]> {
  return sendWecomJobs(
    boss,
    tx,
    QUEUES.wecomSync,
    jobs.map((job) => wecomSyncJob.parse(job)),
    options,
  );
}

const USERID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** WeCom userids ignore case and allow few characters (reference §2.1); 学工号 almost always fit. */
export function wecomUserIdFor(account: string): string {
  const lower = account.toLowerCase();
  return USERID.test(lower) ? lower : `m${Buffer.from(account).toString("hex").slice(0, 60)}`;
}

export { wecomMobileOf } from "./mobile";

export type { SyncDeps } from "./sync-deps";

/** What the product wants WeCom to hold for a member: `departmentId` is the WeCom department it belongs in. */
type Desired = { name: string; mobile: string | null; email: string | null; departmentId: number };

/** Retrying can fix it: the job fails now and runs again with the queue's backoff (worker.ts). */
export class TransientSyncError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = "TransientSyncError";
  }
}

type Upsert = {
  scope: WecomJobScope;
  db: TenantDb;
  client: WecomClient;
  ref: { tenantId: string; memberId: string };
  userid: string;
  account: string;
  /** The school uses 二次验证: a followed member may still read as status 4. */
  secondVerification: boolean;
};

const recordSelect = {
  writtenAt: true,
  name: true,
  mobile: true,
  email: true,
  departmentId: true,
  state: true,
  rejoinConsentAt: true,
  mobileByMemberAt: true,
} as const;
type Recorded = {
  writtenAt: Date | null;
  name: string | null;
  mobile: string | null;
  email: string | null;
  /** null for an entry written before departments were synced: WeCom holds it in the root. */
  departmentId: number | null;
  state: WecomState | null;
  rejoinConsentAt: Date | null;
  mobileByMemberAt: Date | null;
};

/** The school's root department: the app's visible range must include it, and so every department under it. */
export { ROOT_DEPARTMENT_ID } from "./department-sync";

/** The member's one department as user/create and user/update take it (reference §2.1: department, main_department). */
const placedIn = (departmentId: number) => ({ department: [departmentId], main_department: departmentId });

/** The member's fields as user/create and a full user/update take them (an empty phone or email is left out). */
const memberFields = (desired: Desired) => ({
  name: desired.name,
  ...(desired.mobile ? { mobile: desired.mobile } : {}),
  ...(desired.email ? { email: desired.email } : {}),
  ...placedIn(desired.departmentId),
});

/** What the product wrote and WeCom kept, for the record (member-record.ts). */
const written = (desired: Desired, mobile: string | null) => ({
  name: desired.name,
  mobile,
  email: desired.email,
  departmentId: desired.departmentId,
});

/** user/create for the member as desired. to_invite defaults to true (reference §2.1): the product invites through its own journey. */
function createUser(ctx: Upsert, desired: Desired): Promise<void> {
  return withMobileConflictCheck(ctx, desired.mobile, () =>
    ctx.client.createUser({ userid: ctx.userid, ...memberFields(desired), to_invite: false }),
  );
}

/** user/delete, where a member already gone from WeCom counts as deleted. */
async function deleteIfPresent(client: WecomClient, userid: string): Promise<void> {
  await client.deleteUser(userid).catch((error: unknown) => {
    if (!isNotInWecom(error)) throw error;
  });
}

/** Whether WeCom finds `mobile` on `userid` (user/getuserid; userids ignore case). A miss spends a daily budget. */
async function holdsMobile(client: WecomClient, userid: string, mobile: string): Promise<boolean> {
  return (await client.userIdByMobile(mobile))?.toLowerCase() === userid.toLowerCase();
}

/**
 * Brings WeCom to the member as it is now, diffing against the product's record
 * of what WeCom holds (member-record.ts), never against a read-back: the
 * contact-sync token may not read (48009) and the app token reads no mobile.
 */
async function upsertMember(scope: WecomJobScope, job: Extract<WecomSyncJob, { kind: "member.upsert" }>): Promise<void> {
  const { db } = scope;
  const member = await db.member.findUnique({
    where: { id: job.memberId },
    select: {
      account: true,
      name: true,
      phone: true,
      email: true,
      department: true,
      wecomUserId: true,
      wecom: { select: recordSelect },
    },
  });
  if (!member) return; // deleted since: its delete job removes it from WeCom
  // WeCom wants the department before its members (reference §2.1 "Limits"): a member whose
  // department is not there yet waits; the department's job queues this member again.
  const departmentId = await wecomDepartmentFor(scope, member.department);
  if (departmentId === null) {
    scope.log.info({ memberId: job.memberId }, "member waits for its department in WeCom");
    return;
  }
  const client = await wecomClientFor(scope, scope.wecom);
  const userid = member.wecomUserId ?? wecomUserIdFor(member.account);
  await refuseUserIdOfAnotherMember(db, job.memberId, userid);
  const desired: Desired = {
    name: member.name,
    mobile: member.phone ? wecomMobileOf(member.phone) : null,
    email: member.email,
    departmentId,
  };
  const { secondVerification } = await db.wecomConnection.findUniqueOrThrow({
    where: { tenantId: scope.tenant.id },
    select: { secondVerification: true },
  });
  const ctx: Upsert = {
    scope,
    db,
    client,
    ref: { tenantId: scope.tenant.id, memberId: job.memberId },
    userid,
    account: member.account,
    secondVerification,
  };
  try {
    await bringToWecom(ctx, desired, member.wecom);
  } catch (error) {
    // Deleted while this job wrote to WeCom: the member's delete job may have run before the
    // write, so removing what this job wrote is its own to finish (a retry would find no member).
    if ((await db.member.count({ where: { id: job.memberId } })) > 0) throw error;
    // Unless the userid is another member's by now (the account was created again meanwhile).
    if (await holderOfUserId(db, job.memberId, userid)) return;
    await deleteIfPresent(client, userid);
    await audit(db, {
      actorKind: "system",
      action: "wecom.member.removed",
      target: member.account,
      detail: { userid, reason: "deleted during sync" },
    });
  }
}

async function bringToWecom(ctx: Upsert, desired: Desired, record: Recorded | null): Promise<void> {
  const { client, db, userid } = ctx;
  if (!record?.writtenAt) return createInWecom(ctx, desired, record);
  // A recorded consent is a removal asked for (解绑微信 releases the WeChat even when the member has
  // bound the same phone again before this job ran): it takes the mobile's path, which honours it.
  if (desired.mobile !== record.mobile || (!desired.mobile && !desired.email) || record.rejoinConsentAt !== null)
    return changeMobile(ctx, desired, record);
  const changed = changedFields(desired, record);
  // WeCom holds what the record says: nothing to send (a job run twice does nothing the second time).
  if (Object.keys(changed).length === 0) return;
  try {
    await client.updateUser({ userid, ...changed });
  } catch (error) {
    if (!isNotInWecom(error)) throw error;
    // Gone from WeCom (deleted in its console): create it again.
    await forget(ctx, "SYNC");
    return createInWecom(ctx, desired, null);
  }
  await recordWritten(db, ctx.ref, written(desired, record.mobile));
}

/**
 * Name, email and department as user/update takes them ("" clears an email; a member moved to
 * another department is moved in WeCom, reference §2.1); the mobile has its own path.
 */
function changedFields(desired: Desired, record: Recorded) {
  return {
    ...(desired.name !== record.name ? { name: desired.name } : {}),
    ...(desired.email !== record.email ? { email: desired.email ?? "" } : {}),
    ...(desired.departmentId !== (record.departmentId ?? ROOT_DEPARTMENT_ID) ? placedIn(desired.departmentId) : {}),
  };
}

/**
 * WeCom holds no entry the product knows of (it said so, or the product removed it). A consent to
 * remove and re-create the member is used up with it: no follow is left to release, and a consent
 * left behind would remove the member again at some later, unrelated sync.
 */
async function forget(ctx: Upsert, source: WecomStateSource): Promise<void> {
  await recordWritten(ctx.db, ctx.ref, null, { clearConsent: true });
  await recordWecomState(ctx.db, ctx.ref, { state: "NOT_IN_WECOM", at: new Date(), source });
}

async function createInWecom(ctx: Upsert, desired: Desired, record: Recorded | null): Promise<void> {
  const { client, userid } = ctx;
  // WeCom needs a phone or an email (60129): a member with neither joins WeCom when they get one.
  if (!desired.mobile && !desired.email) return;
  let adopted = false;
  try {
    await createUser(ctx, desired);
  } catch (error) {
    if (!(error instanceof WecomApiError && error.errcode === 60102)) throw error;
    // The userid is in WeCom already (an earlier run died before recording it, or it was made in the console): adopt it.
    await withMobileConflictCheck(ctx, desired.mobile, () => client.updateUser({ userid, ...memberFields(desired) }));
    adopted = true;
  }
  await ctx.db.member.updateMany({ where: { id: ctx.ref.memberId }, data: { wecomUserId: userid } });
  // An adopted member may be activated, and WeCom ignores an activated member's new mobile: confirm it.
  const mobileKept = !adopted || !desired.mobile || (await holdsMobile(client, userid, desired.mobile));
  await recordWritten(ctx.db, ctx.ref, written(desired, mobileKept ? desired.mobile : null));
  const said = await readWecomState(client, userid, "SYNC");
  await recordWecomState(ctx.db, ctx.ref, said);
  await audit(ctx.db, {
    actorKind: "system",
    action: adopted ? "wecom.member.adopted" : "wecom.member.created",
    target: ctx.account,
    detail: { userid, state: said.state },
  });
  if (!mobileKept) {
    return changeMobile(ctx, desired, {
      ...(record ?? emptyRecord),
      writtenAt: new Date(),
      name: desired.name,
      mobile: null,
      email: desired.email,
      departmentId: desired.departmentId,
      state: said.state,
    });
  }
  if (said.state !== "ACTIVATED") await restartFollowWatch(ctx.scope, ctx.ref.memberId);
}

const emptyRecord: Recorded = {
  writtenAt: null,
  name: null,
  mobile: null,
  email: null,
  departmentId: null,
  state: null,
  rejoinConsentAt: null,
  mobileByMemberAt: null,
};

/**
 * A new (or no) mobile for a member WeCom holds. WeCom answers errcode 0 yet
 * ignores the mobile of an activated member (reference §11.1), so the change is
 * confirmed with user/getuserid before it is recorded; an activated member's
 * phone changes only by removing and re-creating them, with the admin's consent.
 */
async function changeMobile(ctx: Upsert, desired: Desired, record: Recorded): Promise<void> {
  const { client, userid } = ctx;
  const said = await readWecomState(client, userid, "SYNC");
  await recordWecomState(ctx.db, ctx.ref, said);
  if (said.state === "NOT_IN_WECOM") {
    await forget(ctx, "SYNC");
    return createInWecom(ctx, desired, null);
  }
  const consented = record.rejoinConsentAt !== null;
  const activated = said.state === "ACTIVATED";
  if (activated && !consented) {
    // The name and email still reach WeCom; the mobile is not sent, and not recorded as done.
    const changed = changedFields(desired, record);
    if (Object.keys(changed).length > 0) {
      await client.updateUser({ userid, ...changed });
      await recordWritten(ctx.db, ctx.ref, written(desired, record.mobile));
    }
    return leaveMobileToMember(ctx, record);
  }
  if (!desired.mobile && !desired.email) {
    // WeCom cannot keep a member with neither (60129): remove them; a new phone creates them again.
    await deleteIfPresent(client, userid);
    await recordWritten(ctx.db, ctx.ref, null, { clearConsent: true });
    await recordWecomState(ctx.db, ctx.ref, { state: "NOT_IN_WECOM", at: new Date(), source: "SYNC" });
    await audit(ctx.db, {
      actorKind: "system",
      action: "wecom.member.removed",
      target: ctx.account,
      detail: { userid, reason: "no phone or email" },
    });
    return;
  }
  // Where status 4 may hide an activated member (二次验证), a consented change goes the sure way
  // rather than trying an update whose failure is only seen by a costly lookup miss.
  if (activated || (consented && ctx.secondVerification)) return rejoin(ctx, desired);
  await withMobileConflictCheck(ctx, desired.mobile, () =>
    client.updateUser({ userid, ...changedFields(desired, record), mobile: desired.mobile ?? "" }),
  );
  // A new number is confirmed by looking it up (a hit costs nothing). A cleared one could only be
  // confirmed by a miss, and misses spend a daily budget (reference §2): only where a member can be
  // activated while user/get still says 4 (awaiting 二次验证) is it worth it.
  const kept = desired.mobile
    ? await holdsMobile(client, userid, desired.mobile)
    : record.mobile === null || !ctx.secondVerification || !(await holdsMobile(client, userid, record.mobile));
  if (!kept) {
    // Activated in a way status does not show (awaiting second verification): WeCom ignored the number.
    await recordWritten(ctx.db, ctx.ref, written(desired, record.mobile));
    await audit(ctx.db, { actorKind: "system", action: "wecom.member.mobile_ignored", target: ctx.account, detail: { userid } });
    if (!consented) return leaveMobileToMember(ctx, record);
    return rejoin(ctx, desired);
  }
  await recordWritten(ctx.db, ctx.ref, written(desired, desired.mobile), { clearConsent: true });
  await audit(ctx.db, { actorKind: "system", action: "wecom.member.mobile_changed", target: ctx.account, detail: { userid } });
}

/**
 * An activated member's new mobile WeCom will not take from us. Changed by the member themselves
 * (更换手机号, bindings/change-phone.ts), it is theirs to change in WeCom, where their follow stays:
 * done, with nothing recorded as written. Changed by the school, it waits for the admin's consent to
 * remove and re-create them (the job fails saying so).
 */
async function leaveMobileToMember(ctx: Upsert, record: Recorded): Promise<void> {
  if (!record.mobileByMemberAt) throw new AppError("WECOM_PHONE_CHANGE_NEEDS_REJOIN", { account: ctx.account });
  await audit(ctx.db, {
    actorKind: "system",
    action: "wecom.member.mobile_left_to_member",
    target: ctx.account,
    detail: { userid: ctx.userid },
  });
}

/**
 * The supported path for an activated member's new phone: remove the member in
 * WeCom and create them again (to_invite false). Their old WeChat loses access
 * at once and they must follow again: a fresh follow watch starts. Only with the
 * admin's consent, recorded with the phone change and cleared here once done.
 */
async function rejoin(ctx: Upsert, desired: Desired): Promise<void> {
  const { client, userid } = ctx;
  await audit(ctx.db, { actorKind: "system", action: "wecom.member.rejoin_started", target: ctx.account, detail: { userid } });
  await deleteIfPresent(client, userid);
  // Recorded at once: if the create below fails, a retry sees no entry and creates it.
  await forget(ctx, "SYNC");
  await createUser(ctx, desired);
  await recordWritten(ctx.db, ctx.ref, written(desired, desired.mobile), { clearConsent: true });
  const said = await readWecomState(client, userid, "SYNC");
  await recordWecomState(ctx.db, ctx.ref, said);
  await audit(ctx.db, { actorKind: "system", action: "wecom.member.rejoined", target: ctx.account, detail: { userid, state: said.state } });
  await restartFollowWatch(ctx.scope, ctx.ref.memberId);
}

/**
 * 60104 (the mobile is another WeCom member's) is permanent, except while the
 * number is moving inside the school: per the product's record another member
 * still holds it in WeCom, but no longer in the product (or a pending removal
 * of a deleted member holds it). Their own job frees it; this one waits.
 */
async function withMobileConflictCheck<T>(ctx: Upsert, mobile: string | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof WecomApiError && error.errcode === 60104) || !mobile) throw error;
    if (await mobileMoving(ctx, mobile)) {
      throw new TransientSyncError(
        `手机号 ${mobile} 在企业微信中仍属于本校另一名成员（该成员的手机号已在平台中更改，正在同步），稍后会自动重试。`,
        `The phone ${mobile} still belongs to another member of this school in WeCom (whose phone was changed in the platform and is being synced); this will be retried.`,
      );
    }
    throw error;
  }
}

async function mobileMoving(ctx: Upsert, mobile: string): Promise<boolean> {
  const holders = await ctx.db.memberWecom.findMany({
    where: { mobile, memberId: { not: ctx.ref.memberId }, writtenAt: { not: null } },
    select: { member: { select: { phone: true } } },
  });
  if (holders.some((h) => !h.member.phone || wecomMobileOf(h.member.phone) !== mobile)) return true;
  // pg-boss's own table, outside the tenant filter: the query names the school itself.
  const pendingRemoval = await unscopedClient(ctx.scope).$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text FROM pgboss.job WHERE name = $1 AND data->>'tenantId' = $2 AND data->>'kind' = 'member.delete'
        AND data->>'mobile' = $3 AND state IN ('created', 'retry', 'active') LIMIT 1`,
    QUEUES.wecomSync,
    ctx.ref.tenantId,
    mobile,
  );
  return pendingRemoval.length > 0;
}

/**
 * WeCom userids ignore case: a userid that another member of the school holds
 * (or will get from their account) is theirs, and syncing this member onto it
 * would overwrite their name and phone. No retry can fix that; the admin must.
 */
async function refuseUserIdOfAnotherMember(db: TenantDb, memberId: string, userid: string): Promise<void> {
  const holder = await holderOfUserId(db, memberId, userid);
  if (holder) throw new AppError("WECOM_USERID_TAKEN", { userid, holder });
}

/** The account of another member of the school who holds `userid` (or will get it from their account), if any. */
async function holderOfUserId(db: TenantDb, memberId: string, userid: string): Promise<string | null> {
  const holder = await db.member.findFirst({
    where: {
      id: { not: memberId },
      OR: [
        { wecomUserId: { equals: userid, mode: "insensitive" } },
        { wecomUserId: null, account: { equals: userid, mode: "insensitive" } },
      ],
    },
    select: { account: true },
  });
  return holder?.account ?? null;
}

async function deleteMember(scope: WecomJobScope, job: Extract<WecomSyncJob, { kind: "member.delete" }>): Promise<void> {
  await deleteIfPresent(await wecomClientFor(scope, scope.wecom), job.wecomUserId);
}

async function inviteMember(scope: WecomJobScope, job: Extract<WecomSyncJob, { kind: "member.invite" }>): Promise<void> {
  const userids = await userIdsOf(scope, [job.memberId]);
  if (userids.length === 0) return;
  await (await wecomClientFor(scope, scope.wecom)).invite(userids);
  // The invitation asks the member to follow: watch for it.
  await restartFollowWatch(scope, job.memberId);
}

async function sendMessage(scope: WecomJobScope, job: Extract<WecomSyncJob, { kind: "message.text" }>): Promise<void> {
  const userids = await userIdsOf(scope, job.memberIds);
  if (userids.length > 0) await (await wecomClientFor(scope, scope.wecom)).sendText({ touser: userids, content: job.content });
}

async function sendCard(scope: WecomJobScope, job: Extract<WecomSyncJob, { kind: "message.textcard" }>): Promise<void> {
  const userids = await userIdsOf(scope, job.memberIds);
  if (userids.length > 0) await (await wecomClientFor(scope, scope.wecom)).sendTextCard({ touser: userids, ...job.card });
}

async function userIdsOf(scope: WecomJobScope, memberIds: string[]): Promise<string[]> {
  const members = await scope.db.member.findMany({
    where: { id: { in: memberIds }, wecomUserId: { not: null } },
    select: { wecomUserId: true },
  });
  return members.map((m) => m.wecomUserId!);
}

/**
 * A write that failed for good still sends on the member it carried (`then`, 切换身份): B's own write
 * runs and succeeds or fails on its own (while WeCom still holds the phone on A, as a number moving
 * inside the school, retried), so B is never left waiting in silence on a job nobody retries — B's
 * 自助排查 and member page show B's own state, and an admin's retry of A's job sends B on again.
 */
export async function sendOnAfterFailure(deps: SyncDeps, data: unknown): Promise<void> {
  const job = wecomSyncJob.safeParse(data);
  if (!job.success || job.data.kind !== "member.upsert" || !job.data.then) return;
  const scope = await wecomJobScope(deps, job.data.tenantId);
  await enqueueWecomSync(scope.jobs, scope.db, { kind: "member.upsert", tenantId: job.data.tenantId, memberId: job.data.then });
}

/** The worker's entry: reads the job, builds its school's scope, and runs it there. */
export async function runWecomSyncJob(deps: SyncDeps, data: unknown): Promise<void> {
  const job = wecomSyncJob.parse(data);
  const scope = await wecomJobScope(deps, job.tenantId);
  switch (job.kind) {
    case "member.upsert":
      await upsertMember(scope, job);
      // Sent only after this member's write succeeded: a failed run is retried first (and sends it then).
      if (job.then) await enqueueWecomSync(scope.jobs, scope.db, { kind: "member.upsert", tenantId: job.tenantId, memberId: job.then });
      return;
    case "member.delete":
      return deleteMember(scope, job);
    case "member.invite":
      return inviteMember(scope, job);
    case "message.text":
      return sendMessage(scope, job);
    case "message.textcard":
      return sendCard(scope, job);
    case "department.create":
      return syncDepartment(scope, job);
  }
}
