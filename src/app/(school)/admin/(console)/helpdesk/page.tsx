// The helpdesk queue (运维工单): cases members sent from the journey, with what the platform found,
// so the helpdesk can act without asking the student again (UCAS 13: find the phone, remove it from
// the account that holds it, save; then the member binds again).
import { ActionForm } from "~/components/action-form";
import { PageShell } from "~/components/page-shell";
import { requestLocale, serverApi } from "~/server/request";
import { resolveCaseAction } from "./actions";

export default async function HelpdeskPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { locale, t } = await requestLocale();
  const status = (await searchParams).status === "RESOLVED" ? "RESOLVED" : "OPEN";
  const cases = await (await serverApi()).admin.helpdesk.list({ status, take: 100 });
  return (
    <PageShell title={t("helpdesk.title")} t={t} back="/admin" wide>
      <p className="text-sm text-slate-600">{t("helpdesk.lead")}</p>
      <nav className="mt-4 flex gap-2">
        {(["OPEN", "RESOLVED"] as const).map((s) => (
          <a
            key={s}
            href={`/admin/helpdesk?status=${s}`}
            className={`rounded-full border px-4 py-2 text-sm ${s === status ? "border-[var(--brand)] bg-[var(--brand)] text-white" : "border-slate-300"}`}
          >
            {t(s === "OPEN" ? "helpdesk.open" : "helpdesk.resolved")}
          </a>
        ))}
      </nav>
      {cases.length === 0 ? <p className="py-8 text-center text-slate-500">{t("helpdesk.none")}</p> : null}
      <ul className="mt-4 space-y-3" data-testid="helpdesk-cases">
        {cases.map((c) => (
          <li key={c.id} className="rounded-lg border border-slate-200 p-4" data-testid={`case-${c.member.account}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">
                {t(`helpdesk.kind.${c.kind}`)} · <span className="font-mono">{c.member.account}</span> {c.member.name}
              </h2>
              <span className="text-xs text-slate-500">{t("helpdesk.createdAt", { time: c.createdAt.toLocaleString(locale) })}</span>
            </div>
            {c.valueDisplay ? <p className="mt-1 text-sm">{t("helpdesk.phone", { phone: c.valueDisplay })}</p> : null}
            {c.findings.holderAccount ? (
              <p className="mt-1 text-sm text-slate-700">
                {t("helpdesk.holder", { account: c.findings.holderAccount })}
                {c.findings.holderSamePerson ? t("helpdesk.holderSamePerson") : ""}
                {c.findings.holderBound ? t("helpdesk.holderBound") : ""}
              </p>
            ) : null}
            {c.findings.wecomPhoneExists ? <p className="mt-1 text-sm text-slate-700">{t("helpdesk.wecomPhoneExists")}</p> : null}
            {c.kind === "PHONE_ALREADY_EXISTS" ? (
              <p className="mt-1 text-sm text-slate-500">{t(c.findings.holderAccount ? "helpdesk.holderFix" : "helpdesk.noHolder")}</p>
            ) : null}
            {c.note ? <p className="mt-1 text-sm text-slate-700">{t("helpdesk.note", { note: c.note })}</p> : null}
            {c.status === "OPEN" ? (
              <ActionForm action={resolveCaseAction} className="mt-3 flex items-center gap-3">
                <input type="hidden" name="caseId" value={c.id} />
                <button className="rounded-lg border border-slate-300 px-4 py-2">{t("helpdesk.markResolved")}</button>
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ul>
    </PageShell>
  );
}
