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
 * secret, WeCom unreachable) is thrown for the job to retry or report.
 */
export async function readWecomState(client: WecomClient, userid: string, source: WecomStateSource): Promise<Said> {
  try {
    const user = await client.getUser(userid);
    return { state: STATE_OF_STATUS[user.status], at: new Date(), source };
  } catch (error) {
    if (isNotInWecom(error)) return { state: "NOT_IN_WECOM", at: new Date(), source };
    if (error instanceof WecomApiError && error.errcode === OUT_OF_RANGE_ERRCODE) return { state: "OUT_OF_RANGE", at: new Date(), source };
    throw error;
  }
}

/**
 * Records what WeCom said unless the record holds something WeCom said later:
 * a late callback, or a read overtaken by a newer one, never overwrites.
 * `resolutionMs` is how coarse `at` is (a callback's CreateTime counts whole
 * seconds, so it loses only to a statement from a later second).
 * Returns whether it was recorded.
 */
export async function recordWecomState(db: RecordDb, member: MemberRef, said: Said, options: { resolutionMs?: number } = {}): Promise<boolean> {
  const { memberId, tenantId } = member;
  const current = await db.memberWecom.findUnique({ where: { memberId }, select: { stateAt: true } });
  if (current?.stateAt && said.at.getTime() + (options.resolutionMs ?? 0) < current.stateAt.getTime()) return false;
  // Never move "as of" backwards: a callback of this second may land after a read within it.
  const stateAt = current?.stateAt && current.stateAt > said.at ? current.stateAt : said.at;
  const data = { state: said.state, stateAt, stateSource: said.source };
  await db.memberWecom.upsert({ where: { memberId }, create: { memberId, tenantId, ...data }, update: data });
  return true;
}

/** What the product wrote and WeCom kept; null fields = nothing recorded (clear = WeCom holds no entry the product knows of). */
export type Written = { name: string | null; mobile: string | null; email: string | null };

export async function recordWritten(db: RecordDb, member: MemberRef, written: Written | null, extra: { clearConsent?: boolean } = {}): Promise<void> {
  const { memberId, tenantId } = member;
  const data = {
    ...(written ? { ...written, writtenAt: new Date() } : { name: null, mobile: null, email: null, writtenAt: null }),
    ...(extra.clearConsent ? { rejoinConsentAt: null, rejoinConsentBy: null } : {}),
  };
  await db.memberWecom.upsert({ where: { memberId }, create: { memberId, tenantId, ...data }, update: data });
}
