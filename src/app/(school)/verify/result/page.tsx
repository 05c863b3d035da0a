// When the 二次验证 page could not finish: WeCom's code named another account (sign in as that one
// and open the notice again), or why not, with what to do next. Success goes straight to /done.
import { PageShell } from "~/components/page-shell";
import { SchoolContacts } from "~/components/school-contacts";
import { SignedInBar } from "~/components/signed-in-bar";
import { errorMessage } from "~/server/errors";
import { refusalOf } from "~/server/http/refusal-query";
import { requestContext, requestLocale } from "~/server/request";

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
  const refusal = refusalOf(params);
  const message = account
    ? t("journey.verifyOtherAccount", { account, current })
    : errorMessage(refusal?.code ?? "INTERNAL", locale, refusal?.vars);
  return (
    <PageShell title={t("journey.verifyPageTitle")} t={t}>
      <SignedInBar />
      <div role="alert" className="rounded-lg bg-amber-50 p-4 text-amber-900" data-testid="verify-problem">
        <p className="font-medium">{t("journey.verifyFailed")}</p>
        <p className="mt-1">{message}</p>
      </div>
      <SchoolContacts />
    </PageShell>
  );
}
