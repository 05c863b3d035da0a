// When the 二次验证 page could not finish: WeCom's code named another account (sign in as that one
// and open the notice again), or why not, with what to do next. Success goes straight to /done.
import { PageShell } from "~/components/page-shell";
import { SignedInBar } from "~/components/signed-in-bar";
import { ERROR_CATALOG, errorMessage, type AppErrorCode } from "~/server/errors";
import { VERIFY_RESULT_VARS } from "~/server/journey/journey-paths";
import { requestContext, requestLocale } from "~/server/request";

const isErrorCode = (code: string | undefined): code is AppErrorCode => !!code && Object.hasOwn(ERROR_CATALOG, code);

/** The numbers the message names (journey-paths.ts), as whole numbers only. */
const varsOf = (params: Record<string, string | undefined>) =>
  Object.fromEntries(VERIFY_RESULT_VARS.flatMap((name) => (/^\d{1,6}$/.test(params[name] ?? "") ? [[name, Number(params[name])]] : [])));

export default async function VerifyResultPage({
  searchParams,
}: {
  searchParams: Promise<{ account?: string; error?: string; seconds?: string; kib?: string }>;
}) {
  const { locale, t } = await requestLocale();
  const ctx = await requestContext();
  const params = await searchParams;
  const current = ctx.actor?.kind === "member" ? ctx.actor.account : "";
  const account = params.account?.slice(0, 64);
  const message = account
    ? t("journey.verifyOtherAccount", { account, current })
    : errorMessage(isErrorCode(params.error) ? params.error : "INTERNAL", locale, varsOf(params));
  return (
    <PageShell title={t("journey.verifyPageTitle")} t={t}>
      <SignedInBar />
      <div role="alert" className="rounded-lg bg-amber-50 p-4 text-amber-900" data-testid="verify-problem">
        <p className="font-medium">{t("journey.verifyFailed")}</p>
        <p className="mt-1">{message}</p>
      </div>
    </PageShell>
  );
}
