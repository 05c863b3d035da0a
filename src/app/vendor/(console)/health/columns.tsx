// The health page's columns: the school, its members and funnel, today's codes, WeCom (token age,
// failed jobs), the unified login's last test, and each problem in words with where to fix it.
import type { Column } from "~/components/ui/data-table";
import type { SortValue } from "~/components/ui/table-state";
import { chinaTime, pick, type Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import type { SchoolHealth } from "~/server/tenants/school-health";

export const HEALTH_SORT: Readonly<Record<string, (row: SchoolHealth) => SortValue>> = {
  school: (s) => s.slug,
  members: (s) => s.members,
};

function Problems({ school, t }: { school: SchoolHealth; t: Translate }) {
  if (school.problems.length === 0) return <span className="text-green-700">{t("vendorOps.health.ok")}</span>;
  return (
    <ul className="space-y-1" data-testid="health-problems">
      {school.problems.map((p) => (
        <li key={p.key} className={p.severity === "danger" ? "text-red-700" : "text-amber-800"} data-problem={p.key}>
          {t(`vendorOps.problem.${p.key}`, p.vars)}{" "}
          <a href={p.href} className="whitespace-nowrap text-[var(--brand)] underline">
            {t("vendorOps.health.act")}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function healthColumns(t: Translate, locale: Locale): Column<SchoolHealth>[] {
  return [
    {
      key: "school",
      header: t("vendorOps.health.school"),
      sortable: true,
      cell: (s) => (
        <>
          <div className="font-medium">{pick(locale, { zh: s.name, en: s.nameEn || s.name })}</div>
          <div className="font-mono text-slate-500">{s.slug}</div>
          {s.status !== "ACTIVE" ? <div className="text-slate-500">{t(`vendor.status.${s.status}`)}</div> : null}
        </>
      ),
    },
    { key: "members", header: t("vendorOps.health.members"), sortable: true, className: "tabular-nums", cell: (s) => s.members },
    {
      key: "funnel",
      header: t("vendorOps.health.funnel"),
      className: "text-xs whitespace-nowrap",
      cell: (s) => (
        <ul>
          {s.funnel.map((step) => (
            <li key={step.key}>
              {t(`console.funnel.${step.key}`)} <span className="tabular-nums">{step.value}</span>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: "codes",
      header: t("vendorOps.health.codes"),
      className: "tabular-nums whitespace-nowrap",
      cell: (s) => t("vendorOps.health.codesUsage", { sent: s.codes.sent, budget: s.codes.budget }),
    },
    {
      key: "wecom",
      header: t("vendorOps.health.wecom"),
      className: "text-xs",
      cell: (s) =>
        s.wecom.connected ? (
          <>
            <div>
              {s.wecom.tokenAt
                ? t("vendorOps.health.tokenAt", { time: chinaTime(locale, s.wecom.tokenAt) })
                : t("vendorOps.health.tokenNever")}
            </div>
            {s.wecom.failedJobs > 0 ? (
              <div className="text-red-700">{t("vendorOps.health.failedJobs", { count: s.wecom.failedJobs })}</div>
            ) : null}
          </>
        ) : (
          <span className="text-slate-500">{t("vendorOps.health.wecomNone")}</span>
        ),
    },
    {
      key: "idp",
      header: t("vendorOps.health.idp"),
      className: "text-xs",
      cell: (s) => (
        <>
          <div>{t(`vendor.idp.${s.idp.kind}`)}</div>
          <div className="text-slate-500">
            {s.idp.lastTestAt === null
              ? t("vendorOps.health.idpNever")
              : t(s.idp.lastTestOk ? "vendorOps.health.idpPassed" : "vendorOps.health.idpFailed", {
                  time: chinaTime(locale, s.idp.lastTestAt),
                })}
          </div>
        </>
      ),
    },
    { key: "problems", header: t("vendorOps.health.problems"), className: "text-sm", cell: (s) => <Problems school={s} t={t} /> },
  ];
}
