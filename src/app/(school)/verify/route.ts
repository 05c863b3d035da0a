// The school's 二次验证 page as WeCom opens it (UESTC step 5: the notice after following): WeCom adds
// ?code=. A member not signed in goes through the school's unified login first and comes back here
// while the code is still good (5 minutes); a signed-in member is checked against the member WeCom
// named, and WeCom is told (user/tfa_succ, or user/authsucc for ?api=authsucc).
import { toAppError } from "~/server/errors";
import { requestContext, serverApi } from "~/server/request";

export const dynamic = "force-dynamic";

const to = (location: string) => new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });

export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const code = query.get("code")?.slice(0, 512) ?? "";
  const api = query.get("api") === "authsucc" ? "authsucc" : "tfa";
  const back = `/verify?${new URLSearchParams({ code, ...(api === "authsucc" ? { api } : {}) }).toString()}`;
  if (!code) return to("/verify/result?error=SECOND_VERIFICATION_EXPIRED");
  const ctx = await requestContext();
  if (ctx.actor?.kind !== "member") return to(`/login?returnTo=${encodeURIComponent(back)}`);
  try {
    const outcome = await (await serverApi()).me.journey.completeSecondVerification({ code, api });
    // On to 「关注成功」: shown once WeCom's word arrives (its subscribe, or the read just started); until then /done waits on /follow.
    if (outcome.result === "verified") return to("/done");
    return to(`/verify/result?${new URLSearchParams({ account: outcome.account }).toString()}`);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "PASSWORD_CHANGE_REQUIRED") return to(`/change-password?returnTo=${encodeURIComponent(back)}`);
    if (appError.code === "UNAUTHENTICATED") return to(`/login?returnTo=${encodeURIComponent(back)}`);
    return to(`/verify/result?error=${appError.code}`);
  }
}
