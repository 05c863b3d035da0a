import { PageShell } from "~/components/page-shell";
import { SignedInBar } from "~/components/signed-in-bar";
import { SignOutButton } from "~/components/sign-out-button";
import { Words } from "~/components/words";
import { PASSWORD_RULES } from "~/server/auth/password-policy";
import { localPath } from "~/server/http/local-path";
import { requireActor } from "~/server/page-guards";
import { requestLocale } from "~/server/request";
import { ChangePasswordForm } from "./change-password-form";

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ returnTo?: string }> }) {
  const member = await requireActor("member", "/login", { passwordChangePage: true });
  // Where the member was going (the journey's next step) before the initial password had to change.
  const returnTo = localPath((await searchParams).returnTo) ?? "/me";
  const { t } = await requestLocale();
  return (
    <PageShell title={t("password.title")} t={t}>
      <SignedInBar />
      {member.mustChangePassword ? (
        <p className="mb-4 rounded-lg bg-amber-50 p-3 text-amber-900" data-testid="must-change">
          {t("password.mustChange")}
        </p>
      ) : null}
      <h2 className="text-sm font-medium text-slate-600">{t("password.rules")}</h2>
      <ul className="mt-1 mb-4 list-disc pl-5 text-sm text-slate-600" data-testid="password-rules">
        {PASSWORD_RULES.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <Words namespaces={["common", "password"]}>
        <ChangePasswordForm account={member.account} returnTo={returnTo} />
        <div className="mt-8">
          <SignOutButton callbackUrl="/" />
        </div>
      </Words>
    </PageShell>
  );
}
