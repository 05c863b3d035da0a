// 二次验证 (UESTC step 5, reference §3.3), where the school turns it on: after a member follows,
// WeCom sends them to the school's verification page with ?code=. The product redeems the code
// (auth/get_tfa_info for the page set up as the newer tfa flow, auth/getuserinfo for the classic
// login verification), checks that the member signed in through the school's unified login is the
// very member WeCom named, and tells WeCom so (user/tfa_succ, or user/authsucc): WeCom then admits
// the member, and its subscribe callback (or the status read started here) tells the product.
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { encryptionKey } from "~/server/crypto/keys";
import { AppError } from "~/server/errors";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { WecomClient } from "~/server/wecom/client";
import { loadWecomConnection } from "~/server/wecom/connection";
import { WecomApiError } from "~/server/wecom/errors";
import { sendStatusJob } from "~/server/wecom/status-jobs";

/** Which of WeCom's two verification APIs the page was set up for (the admin's WeCom console). */
export const SECOND_VERIFICATION_APIS = ["tfa", "authsucc"] as const;

export const secondVerificationInput = z.object({
  /** WeCom's code (≤ 512 bytes, single use, 5 minutes). */
  code: z.string().trim().min(1).max(512),
  api: z.enum(SECOND_VERIFICATION_APIS).default("tfa"),
});

export const secondVerificationOutput = z.discriminatedUnion("result", [
  z.object({ result: z.literal("verified") }),
  /** WeCom's code is for another member: sign in as that account (its 学工号) and open the notice again. */
  z.object({ result: z.literal("otherAccount"), account: z.string() }),
]);

/** WeCom's refusals as what the member does next. */
function refusal(error: unknown): unknown {
  if (!(error instanceof WecomApiError)) return error;
  if ([40029, 42003, 42022, 40207].includes(error.errcode)) return new AppError("SECOND_VERIFICATION_EXPIRED");
  // Not in the verification's scope (40208), or the school's WeCom asks for no 二次验证 at all (40210).
  if (error.errcode === 40208 || error.errcode === 40210) return new AppError("SECOND_VERIFICATION_NOT_NEEDED");
  return new AppError("WECOM_UNAVAILABLE");
}

export async function completeSecondVerification(
  scope: TenantScope,
  input: z.infer<typeof secondVerificationInput>,
): Promise<z.infer<typeof secondVerificationOutput>> {
  if (scope.actor.kind !== "member") throw new AppError("UNAUTHENTICATED");
  const memberId = scope.actor.id;
  const member = await scope.db.member.findUniqueOrThrow({ where: { id: memberId }, select: { account: true, wecomUserId: true } });
  const prisma = unscopedClient(scope);
  const key = encryptionKey();
  let client: WecomClient;
  try {
    client = new WecomClient(prisma, await loadWecomConnection(prisma, scope.tenant.id, key), key);
  } catch {
    throw new AppError("WECOM_UNAVAILABLE");
  }
  try {
    const named =
      input.api === "tfa" ? await client.tfaInfo(input.code) : { userid: await client.userIdFromOAuthCode(input.code, "contact") };
    if (!named.userid) throw new AppError("SECOND_VERIFICATION_EXPIRED");
    // WeCom userids ignore case (reference §2.1).
    if (member.wecomUserId?.toLowerCase() !== named.userid.toLowerCase()) {
      const owner = await scope.db.member.findFirst({
        where: { wecomUserId: { equals: named.userid, mode: "insensitive" } },
        select: { account: true },
      });
      scope.log.info({ component: "second-verification" }, "second verification for another account");
      return { result: "otherAccount", account: owner?.account ?? named.userid };
    }
    if ("tfaCode" in named) await client.tfaSucceeded(named.userid, named.tfaCode);
    else await client.authSucceeded(named.userid);
  } catch (error) {
    throw refusal(error);
  }
  const ref = { tenantId: scope.tenant.id, memberId };
  await scope.db.$transaction(async (tx) => {
    await audit(tx, {
      actorKind: "member",
      actorId: memberId,
      action: "wecom.secondVerification.passed",
      target: member.account,
      ip: scope.actor.ip,
    });
    // WeCom's subscribe usually says it first; a read makes sure the product learns it either way.
    await sendStatusJob(scope.jobs, tx, { kind: "member.read", ...ref });
  });
  return { result: "verified" };
}
