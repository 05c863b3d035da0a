// 二次验证 (UESTC step 5, reference §3.3), where the school turns it on: after a member follows,
// WeCom sends them to the school's verification page with ?code=. Two steps, so that opening a link
// verifies nothing (a link someone else sent the member must not admit the sender's WeChat as the
// member — issue 15): the page redeems the code (auth/get_tfa_info for the page set up as the
// newer tfa flow, auth/getuserinfo for the classic login verification), checks that the member
// signed in through the school's unified login is the very member WeCom named, and asks 「是本人
// 操作吗？」 with a sealed ticket of what it learnt; the member's own tap posts the ticket back
// and the product tells WeCom (user/tfa_succ, or user/authsucc): WeCom then admits the member,
// and the product reads the member's state at once (its subscribe callback says it too).
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { encryptionKey } from "~/server/crypto/keys";
import { AppError } from "~/server/errors";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { enforceRateLimit } from "~/server/security/rate-limit";
import type { WecomClient } from "~/server/wecom/client";
import { wecomClientFor } from "~/server/wecom/client-for";
import { WecomApiError } from "~/server/wecom/errors";
import { readWecomState, recordWecomState } from "~/server/wecom/member-record";
import { sendStatusJob } from "~/server/wecom/status-jobs";
import { openTicket, sealTicket } from "./second-verification-ticket";

/** Which of WeCom's two verification APIs the page was set up for (the admin's WeCom console). */
export const SECOND_VERIFICATION_APIS = ["tfa", "authsucc"] as const;

export const secondVerificationInput = z.object({
  /** WeCom's code (≤ 512 bytes, single use, 5 minutes). */
  code: z.string().trim().min(1).max(512),
  api: z.enum(SECOND_VERIFICATION_APIS).default("tfa"),
});

export const secondVerificationOpened = z.discriminatedUnion("result", [
  /** WeCom named the signed-in member: the page asks them to confirm, and its form carries the ticket. */
  z.object({ result: z.literal("confirm"), account: z.string(), ticket: z.string() }),
  /** WeCom's code is for another member: sign in as that account (its 学工号) and open the notice again. */
  z.object({ result: z.literal("otherAccount"), account: z.string() }),
]);

export const secondVerificationConfirmInput = z.object({
  /** The page's sealed ticket (second-verification-ticket.ts): a few hundred bytes. */
  ticket: z.string().min(1).max(2048),
});

export const secondVerificationOutput = z.object({ result: z.literal("verified") });

/** WeCom's refusals as what the member does next. */
function refusal(error: unknown): unknown {
  if (!(error instanceof WecomApiError)) return error;
  if ([40029, 42003, 42022, 40207].includes(error.errcode)) return new AppError("SECOND_VERIFICATION_EXPIRED");
  // Not in the verification's scope (40208), or the school's WeCom asks for no 二次验证 at all (40210).
  if (error.errcode === 40208 || error.errcode === 40210) return new AppError("SECOND_VERIFICATION_NOT_NEEDED");
  return new AppError("WECOM_UNAVAILABLE");
}

/**
 * Each page and each post calls WeCom (get_tfa_info: 20 at a time for the whole school, reference
 * §3.3), whatever code or ticket the member's browser sends: counted per member, never per address
 * (a campus shares one). A member opens a notice once or twice; 20 in 10 minutes is ten tries.
 */
export const SECOND_VERIFICATION_RATE_LIMIT = { limit: 20, windowSeconds: 10 * 60 };

async function signedInMember(scope: TenantScope) {
  if (scope.actor.kind !== "member") throw new AppError("UNAUTHENTICATED");
  const id = scope.actor.id;
  await enforceRateLimit(unscopedClient(scope), { key: `second-verification:${id}`, ...SECOND_VERIFICATION_RATE_LIMIT });
  const member = await scope.db.member.findUniqueOrThrow({ where: { id }, select: { account: true, wecomUserId: true } });
  return { id, ...member };
}

async function wecomClient(scope: TenantScope, key: Buffer): Promise<WecomClient> {
  try {
    return await wecomClientFor(scope, { encryptionKey: key });
  } catch {
    throw new AppError("WECOM_UNAVAILABLE");
  }
}

// WeCom userids ignore case (reference §2.1).
const sameUserId = (a: string | null, b: string) => a?.toLowerCase() === b.toLowerCase();

/** The page: redeems WeCom's code (its only redemption) and says whose verification it is; tells WeCom nothing. */
export async function openSecondVerification(
  scope: TenantScope,
  input: z.infer<typeof secondVerificationInput>,
): Promise<z.infer<typeof secondVerificationOpened>> {
  const member = await signedInMember(scope);
  const key = encryptionKey();
  const client = await wecomClient(scope, key);
  let named: { userid: string | null; tfaCode?: string };
  try {
    named = input.api === "tfa" ? await client.tfaInfo(input.code) : { userid: await client.userIdFromOAuthCode(input.code, "contact") };
  } catch (error) {
    throw refusal(error);
  }
  if (!named.userid) throw new AppError("SECOND_VERIFICATION_EXPIRED");
  if (!sameUserId(member.wecomUserId, named.userid)) {
    const owner = await scope.db.member.findFirst({
      where: { wecomUserId: { equals: named.userid, mode: "insensitive" } },
      select: { account: true },
    });
    scope.log.info({ component: "second-verification" }, "second verification for another account");
    return { result: "otherAccount", account: owner?.account ?? named.userid };
  }
  // WeCom sends a member here only after they followed: the funnel's 已关注, before 已激活.
  await scope.db.memberWecom.updateMany({
    where: { memberId: member.id, verificationSeenAt: null },
    data: { verificationSeenAt: new Date() },
  });
  const ticket = sealTicket(
    key,
    { tenantId: scope.tenant.id, memberId: member.id },
    { api: input.api, userid: named.userid, ...(named.tfaCode ? { tfaCode: named.tfaCode } : {}) },
  );
  return { result: "confirm", account: member.account, ticket };
}

/** The member's 【确认】: the ticket of their own page, told to WeCom. */
export async function completeSecondVerification(
  scope: TenantScope,
  input: z.infer<typeof secondVerificationConfirmInput>,
): Promise<z.infer<typeof secondVerificationOutput>> {
  const member = await signedInMember(scope);
  const key = encryptionKey();
  const ticket = openTicket(key, { tenantId: scope.tenant.id, memberId: member.id }, input.ticket);
  // The directory's userid could have changed since the page: the ticket speaks for that userid only.
  if (!sameUserId(member.wecomUserId, ticket.userid)) throw new AppError("SECOND_VERIFICATION_EXPIRED");
  const client = await wecomClient(scope, key);
  try {
    if (ticket.api === "tfa") await client.tfaSucceeded(ticket.userid, ticket.tfaCode ?? "");
    else await client.authSucceeded(ticket.userid);
  } catch (error) {
    throw refusal(error);
  }
  const ref = { tenantId: scope.tenant.id, memberId: member.id };
  // WeCom's word on the member at once (user/get), so the page after the tap says 「关注成功」
  // without waiting for the subscribe callback: with the page's scripts blocked nothing would poll
  // for it. Should the read fail, the read job learns it, or the subscribe says it first.
  let learnt = false;
  try {
    await recordWecomState(scope.db, ref, await readWecomState(client, ticket.userid, "POLL"));
    learnt = true;
  } catch (error) {
    scope.log.warn(
      { component: "second-verification", err: error instanceof Error ? error.name : "unknown" },
      "member's state not read after the verification",
    );
  }
  await scope.db.$transaction(async (tx) => {
    await audit(tx, {
      actorKind: "member",
      actorId: member.id,
      action: "wecom.secondVerification.passed",
      target: member.account,
      ip: scope.actor.ip,
    });
    if (!learnt) await sendStatusJob(scope.jobs, tx, { kind: "member.read", ...ref });
  });
  return { result: "verified" };
}
