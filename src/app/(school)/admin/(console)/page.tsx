import { ActionForm } from "~/components/action-form";
import { PageShell } from "~/components/page-shell";
import { SignOutButton } from "~/components/sign-out-button";
import { currentActor, currentSchool } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";
import { setAdminDisabledAction, unlockAdminAction, unlockMemberAction } from "./actions";

export default async function AdminHomePage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const tenant = await currentSchool();
  const me = await currentActor("tenantAdmin");
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const query = ((await searchParams).q ?? "").slice(0, 64);
  const [overview, members, admins, codeBudget] = await Promise.all([
    api.admin.directory.overview(),
    api.admin.directory.search({ query, take: 50 }),
    // Admin accounts are the IT office's business, not the helpdesk's.
    me.role === "ADMIN" ? api.admin.accounts.list() : Promise.resolve(null),
    api.admin.codes.budget(),
  ]);
  const now = new Date();
  const stats: [string, number][] = [
    [t("admin.members"), overview.members],
    [t("admin.withPhone"), overview.withPhone],
    [t("admin.locked"), overview.locked],
  ];
  return (
    <PageShell title={`${t("admin.loginTitle")} · ${locale === "en" && tenant.nameEn ? tenant.nameEn : tenant.name}`} t={t} wide>
      <h2 className="text-lg font-semibold">{t("admin.dashboard")}</h2>
      <div className="mt-3 grid grid-cols-3 gap-3">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 p-3">
            <div className="text-sm text-slate-500">{label}</div>
            <div className="text-2xl font-semibold">{value}</div>
          </div>
        ))}
      </div>
      {overview.wecomOutOfRange > 0 ? (
        <p className="mt-4 rounded-lg border border-red-200 bg-red-50 px-3 py-3 text-sm text-red-800" data-testid="wecom-out-of-range">
          {t("admin.wecom.outOfRangeCount", { count: overview.wecomOutOfRange, app: tenant.assistantAppName })}
        </p>
      ) : null}
      {codeBudget.platform.level === "spent" ? (
        <p className="mt-4 rounded-lg border border-red-200 bg-red-50 px-3 py-3 text-sm text-red-800" data-testid="code-budget">
          {t("admin.codes.platformBudgetSpent")}
        </p>
      ) : codeBudget.school.level !== "ok" ? (
        <p
          className={`mt-4 rounded-lg border px-3 py-3 text-sm ${codeBudget.school.level === "spent" ? "border-red-200 bg-red-50 text-red-800" : "border-amber-200 bg-amber-50 text-amber-900"}`}
          data-testid="code-budget"
        >
          {t(codeBudget.school.level === "spent" ? "admin.codes.budgetSpent" : "admin.codes.budgetWarning", codeBudget.school)}
        </p>
      ) : null}
      <a href="/admin/wecom" className="mt-4 block rounded-lg border border-slate-200 px-3 py-3 text-[var(--brand)]">
        {t("admin.wecomLink")} ›
      </a>
      <a href="/admin/identity" className="mt-2 block rounded-lg border border-slate-200 px-3 py-3 text-[var(--brand)]">
        {t("idp.link")} ›
      </a>
      <div className="mt-3 grid grid-cols-2 gap-3">
        <a
          href="/admin/helpdesk"
          className="block rounded-lg border border-slate-200 px-3 py-3 text-[var(--brand)]"
          data-testid="helpdesk-link"
        >
          {t("helpdesk.link")} ›
        </a>
        <a href="/admin/qr" className="block rounded-lg border border-slate-200 px-3 py-3 text-[var(--brand)]" data-testid="qr-admin-link">
          {t("helpdesk.qrTitle")} ›
        </a>
      </div>
      <h2 className="mt-8 text-lg font-semibold">{t("admin.search")}</h2>
      <form className="mt-3 flex gap-2" method="get">
        <input
          name="q"
          defaultValue={query}
          placeholder={t("admin.searchPlaceholder")}
          className="flex-1 rounded-lg border border-slate-300 px-3 py-2.5"
        />
        <button className="rounded-lg bg-[var(--brand)] px-5 text-white">{t("common.search")}</button>
      </form>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="member-table">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              {(
                [
                  "admin.col.account",
                  "admin.col.name",
                  "admin.col.identity",
                  "admin.col.department",
                  "admin.col.phone",
                  "admin.col.wecom",
                  "admin.col.state",
                ] as const
              ).map((key) => (
                <th key={key} className="px-3 py-2 font-medium">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {members.map((m) => {
              const locked = m.lockedUntil !== null && m.lockedUntil > now;
              return (
                <tr key={m.id}>
                  <td className="px-3 py-2 font-mono">{m.account}</td>
                  <td className="px-3 py-2">{m.name}</td>
                  <td className="px-3 py-2">{locale === "en" ? m.identityKind.nameEn : m.identityKind.nameZh}</td>
                  <td className="px-3 py-2">{m.department}</td>
                  <td className="px-3 py-2">{m.phoneDisplay ?? "—"}</td>
                  <td className="px-3 py-2" data-testid={`wecom-${m.account}`}>
                    {/* What WeCom last said, never a guess, with when it said it. */}
                    <div
                      className={
                        m.wecom.state === "ACTIVATED" ? "text-green-700" : m.wecom.state === "OUT_OF_RANGE" ? "text-red-700" : undefined
                      }
                    >
                      {t(`admin.wecom.${m.wecom.state ?? "NONE"}`)}
                    </div>
                    {m.wecom.stateAt ? (
                      <div className="text-xs text-slate-500">
                        {t("admin.wecom.asOf", { time: m.wecom.stateAt.toLocaleString(locale) })}
                      </div>
                    ) : null}
                    {m.wecom.state === "OUT_OF_RANGE" ? (
                      <div className="text-xs text-red-700">{t("admin.wecom.outOfRangeHint", { app: tenant.assistantAppName })}</div>
                    ) : null}
                    {m.wecom.phoneOutdated ? <div className="text-xs text-amber-700">{t("admin.wecom.phoneOutdated")}</div> : null}
                  </td>
                  <td className="px-3 py-2">
                    {locked ? (
                      <ActionForm action={unlockMemberAction} className="flex items-center gap-2">
                        <input type="hidden" name="memberId" value={m.id} />
                        <span className="text-red-700">{t("admin.lockedUntil", { time: m.lockedUntil!.toLocaleTimeString(locale) })}</span>
                        <button className="rounded border border-slate-300 px-2 py-1">{t("admin.unlock")}</button>
                      </ActionForm>
                    ) : (
                      <span className="text-green-700">{t("admin.normal")}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {members.length === 0 ? <p className="py-6 text-center text-slate-500">{t("admin.noResults")}</p> : null}
      </div>
      {admins ? (
        <>
          <h2 className="mt-8 text-lg font-semibold">{t("admin.admins")}</h2>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="admin-table">
              <thead className="bg-slate-100 text-slate-600">
                <tr>
                  {(["admin.col.username", "admin.col.name", "admin.col.role", "admin.col.state"] as const).map((key) => (
                    <th key={key} className="px-3 py-2 font-medium">
                      {t(key)}
                    </th>
                  ))}
                  <th className="px-3 py-2" />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {admins.map((a) => {
                  const self = a.id === me.id;
                  const locked = a.lockedUntil !== null && a.lockedUntil > now;
                  return (
                    <tr key={a.id} data-testid={`admin-${a.username}`}>
                      <td className="px-3 py-2 font-mono">
                        {a.username}
                        {self ? t("admin.you") : ""}
                      </td>
                      <td className="px-3 py-2">{a.name}</td>
                      <td className="px-3 py-2">{t(`admin.role.${a.role}`)}</td>
                      <td className="px-3 py-2">
                        {a.disabled ? (
                          <span className="text-slate-500">{t("admin.disabled")}</span>
                        ) : locked ? (
                          <span className="text-red-700">
                            {t("admin.lockedUntil", { time: a.lockedUntil!.toLocaleTimeString(locale) })}
                          </span>
                        ) : (
                          <span className="text-green-700">{t("admin.normal")}</span>
                        )}
                      </td>
                      <td className="flex gap-2 px-3 py-2">
                        {!self && locked ? (
                          <ActionForm action={unlockAdminAction}>
                            <input type="hidden" name="adminId" value={a.id} />
                            <button className="rounded border border-slate-300 px-2 py-1">{t("admin.unlock")}</button>
                          </ActionForm>
                        ) : null}
                        {!self ? (
                          <ActionForm action={setAdminDisabledAction}>
                            <input type="hidden" name="adminId" value={a.id} />
                            <input type="hidden" name="disabled" value={a.disabled ? "false" : "true"} />
                            <button className="rounded border border-slate-300 px-2 py-1">
                              {a.disabled ? t("admin.enable") : t("admin.disable")}
                            </button>
                          </ActionForm>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <div className="mx-auto mt-10 max-w-xs">
        <SignOutButton label={t("common.signOut")} callbackUrl="/admin/login" />
      </div>
    </PageShell>
  );
}
