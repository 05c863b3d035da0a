// The school's 二次验证 page as WeCom opens it (UESTC step 5: the notice after following): WeCom adds
// ?code=. A member not signed in goes through the school's unified login first and comes back here
// while the code is still good (5 minutes). Opening the page verifies nothing: it redeems WeCom's
// code to learn whose verification it is, sends a member WeCom did not name to the result page
// (sign in as that account), and otherwise asks 「是本人操作吗？」. Only the member's tap on the
// button, a same-origin form post (verify/confirm), tells WeCom (user/tfa_succ or user/authsucc):
// a link someone else sent the member cannot admit the sender's WeChat as them (issue 15).
import { redirect } from "next/navigation";
import { PageShell } from "~/components/page-shell";
import { SignedInBar } from "~/components/signed-in-bar";
import { toAppError } from "~/server/errors";
import { verifyResultPath } from "~/server/journey/journey-paths";
import { requestContext, requestLocale, serverApi } from "~/server/request";

export const dynamic = "force-dynamic";

type Opened = Awaited<ReturnType<Awaited<ReturnType<typeof serverApi>>["me"]["journey"]["openSecondVerification"]>>;

/** Redeems the code once; where the page cannot ask, the address to go to instead. */
async function open(code: string, api: "tfa" | "authsucc", back: string): Promise<Opened | string> {
  try {
    return await (await serverApi()).me.journey.openSecondVerification({ code, api });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "PASSWORD_CHANGE_REQUIRED") return `/change-password?returnTo=${encodeURIComponent(back)}`;
    if (appError.code === "UNAUTHENTICATED") return `/login?returnTo=${encodeURIComponent(back)}`;
    return verifyResultPath(appError);
  }
}

export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string | string[]; api?: string | string[] }>;
}) {
  const query = await searchParams;
  const code = (typeof query.code === "string" ? query.code : "").slice(0, 512);
  const api = query.api === "authsucc" ? "authsucc" : "tfa";
  const back = `/verify?${new URLSearchParams({ code, ...(api === "authsucc" ? { api } : {}) }).toString()}`;
  if (!code) redirect("/verify/result?error=SECOND_VERIFICATION_EXPIRED");
  const ctx = await requestContext();
  if (ctx.actor?.kind !== "member") redirect(`/login?returnTo=${encodeURIComponent(back)}`);
  const opened = await open(code, api, back);
  if (typeof opened === "string") redirect(opened);
  if (opened.result === "otherAccount") redirect(`/verify/result?${new URLSearchParams({ account: opened.account }).toString()}`);
  const { t } = await requestLocale();
  return (
    <PageShell title={t("journey.verifyPageTitle")} t={t}>
      <SignedInBar />
      <section className="rounded-xl bg-[var(--brand)]/10 p-4" data-testid="verify-confirm">
        <p className="text-lg font-medium">{t("journey.verifyConfirmQuestion", { account: opened.account })}</p>
        <p className="mt-2 text-sm text-slate-600">{t("journey.verifyConfirmWarning")}</p>
      </section>
      {/* A plain form post: it works before the page's scripts load, and with none at all. */}
      <form method="post" action="/verify/confirm" className="mt-5">
        <input type="hidden" name="ticket" value={opened.ticket} />
        <button type="submit" className="w-full rounded-lg bg-[var(--brand)] py-3.5 text-lg font-medium text-white">
          {t("journey.verifyConfirmButton")}
        </button>
      </form>
    </PageShell>
  );
}
