// The link an invited back-office account was sent: who is invited, the password rules, and the
// password form; a used, replaced or expired link says so and whom to ask.
import { PageShell } from "~/components/page-shell";
import { Words } from "~/components/words";
import { schoolName } from "~/i18n/locale";
import { PASSWORD_RULES } from "~/server/auth/password-policy";
import { requireTenantHost } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";
import { InviteForm } from "./invite-form";

export default async function AdminInvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { tenant } = await requireTenantHost();
  const { locale, t } = await requestLocale();
  const { token } = await params;
  const invited = await (await serverApi()).school.invite.check({ token });
  return (
    <PageShell title={t("invite.title")} t={t} back="/">
      <p className="mb-4 text-sm text-slate-500">{schoolName(tenant, locale)}</p>
      {invited ? (
        <>
          <p className="mb-4" data-testid="invited-as">
            {t("invite.lead", { name: invited.name, username: invited.username })}
          </p>
          <h2 className="text-sm font-medium text-slate-600">{t("password.rules")}</h2>
          <ul className="mt-1 mb-4 list-disc pl-5 text-sm text-slate-600">
            {PASSWORD_RULES.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
          <Words namespaces={["common", "password", "invite"]}>
            <InviteForm token={token} />
          </Words>
        </>
      ) : (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-700" data-testid="invite-invalid">
          {t("invite.invalid")}
        </p>
      )}
    </PageShell>
  );
}
