// The product's own record of each member in the school's WeCom (MemberWecom).
// Today's WeCom lets the product read back neither what it wrote (the
// contact-sync token's reads answer 48009, the app token's carry no mobile,
// reference §7.5) nor whether a user/update's mobile was kept (ignored for an
// activated member, §11.1). So the record holds what the product wrote and WeCom
// kept, and the state WeCom last said, with when and how the product heard it.
import type { WecomState, WecomStateSource } from "~/generated/prisma/client";
import type { TenantDb } from "~/server/db/tenant-db";
import type { WecomClient } from "./client";
import { WecomApiError } from "./errors";

/** A tenant-bound client or one of its transactions. */
export type RecordDb = Pick<TenantDb, "memberWecom">;

export const STATE_OF_STATUS: Record<1 | 2 | 4 | 5, WecomState> = { 1: "ACTIVATED", 2: "DISABLED", 4: "NOT_ACTIVATED", 5: "LEFT" };

export type MemberRef = { tenantId: string; memberId: string };

/** What WeCom said of a member, at a time. */
export type Said = { state: WecomState; at: Date; source: WecomStateSource };

/** user/get's answers that say where the member is not: not in WeCom, or outside the app's visible range. */
export const NOT_IN_WECOM_ERRCODES: readonly number[] = [60111, 46004, 60121];
export const OUT_OF_RANGE_ERRCODE = 60011;

export const isNotInWecom = (error: unknown) => error instanceof WecomApiError && NOT_IN_WECOM_ERRCODES.includes(error.errcode);

/**
 * Reads the member's state with the assistant app's token. "Not in WeCom" and
 * "outside the visible range" are answers too; anything else (60020, a wrong
 * secret, WeCom unreachable) is thrown for the job to retry or report. `at` is
 * when the read began (see recordWecomState).
 */
export async function readWecomState(client: WecomClient, userid: string, source: WecomStateSource): Promise<Said> {
  const at = new Date();
  try {
    const user = await client.getUser(userid);
    return { state: STATE_OF_STATUS[user.status], at, source };
  } catch (error) {
    if (isNotInWecom(error)) return { state: "NOT_IN_WECOM", at, source };
    if (error instanceof WecomApiError && error.errcode === OUT_OF_RANGE_ERRCODE) return { state: "OUT_OF_RANGE", at, source };
    throw error;
  }
}

/**
 * Records what WeCom said unless the record holds something WeCom said later,
 * so a late callback or an overtaken read never overwrites. Returns whether it
 * was recorded.
 *
 * Two clocks meet here: a callback's time is WeCom's (CreateTime, whole
 * seconds), a read's is the product's. Callbacks are ordered among themselves
 * and against the recorded time by CreateTime (a callback loses only to a
 * statement from a later second). A read (or anything the product learnt
 * itself, `said.at` = when it began) is newer than whatever the record held
 * when it began, and loses to whatever was recorded since: judged by the
 * record's own updatedAt, on the product's clock, so a skewed WeCom clock
 * cannot make a fresh read look stale.
 */
export async function recordWecomState(
  db: RecordDb,
  member: MemberRef,
  said: Said,
  options: { callback?: boolean } = {},
): Promise<boolean> {
  const { memberId, tenantId } = member;
  const data = { state: said.state, stateAt: said.at, stateSource: said.source };
  const changed = { ...data, stateSince: said.at };
  if (options.callback) {
    const current = await db.memberWecom.findUnique({ where: { memberId }, select: { stateAt: true, state: true } });
    if (current?.stateAt && said.at.getTime() + 1000 <= current.stateAt.getTime()) return false;
    const update = current?.state === said.state ? data : changed;
    await db.memberWecom.upsert({ where: { memberId }, create: { memberId, tenantId, ...changed }, update });
    return true;
  }
  if (await recordStates(db, { memberIds: [memberId], state: said.state, at: said.at, source: said.source })) return true;
  if (await db.memberWecom.findUnique({ where: { memberId }, select: { memberId: true } })) return false;
  await db.memberWecom.createMany({ data: [{ memberId, tenantId, ...changed }], skipDuplicates: true });
  return true;
}

/**
 * Records one state WeCom said at `at` for members whose record was not written since (a callback or
 * a read recorded after `at` stays). `stateSince` moves only for those whose state changes. Returns how
 * many were recorded.
 */
export async function recordStates(
  db: RecordDb,
  said: { memberIds: string[]; state: WecomState; at: Date; source: Said["source"] },
): Promise<number> {
  const where = { memberId: { in: said.memberIds }, updatedAt: { lte: said.at } };
  const data = { state: said.state, stateAt: said.at, stateSource: said.source };
  const same = await db.memberWecom.updateMany({ where: { ...where, state: said.state }, data });
  const changed = await db.memberWecom.updateMany({
    where: { ...where, OR: [{ state: { not: said.state } }, { state: null }] },
    data: { ...data, stateSince: said.at },
  });
  return same.count + changed.count;
}

/** What the product wrote and WeCom kept; null fields = nothing recorded (clear = WeCom holds no entry the product knows of). */
export type Written = { name: string | null; mobile: string | null; email: string | null; departmentId?: number | null };

export async function recordWritten(
  db: RecordDb,
  member: MemberRef,
  written: Written | null,
  extra: { clearConsent?: boolean } = {},
): Promise<void> {
  const { memberId, tenantId } = member;
  const data = {
    ...(written
      ? { ...written, writtenAt: new Date() }
      : { name: null, mobile: null, email: null, departmentId: null, writtenAt: null, mobileByMemberAt: null }),
    ...(extra.clearConsent ? { rejoinConsentAt: null, rejoinConsentBy: null, mobileByMemberAt: null } : {}),
  };
  await db.memberWecom.upsert({ where: { memberId }, create: { memberId, tenantId, ...data }, update: data });
}
