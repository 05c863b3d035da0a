// The member table's columns: who (a link to their page), and what WeCom last said of them (never a
// guess, with when it said it). Sorting happens in the database (directory-search.ts).
import type { z } from "zod";
import { ActionForm } from "~/components/action-form";
import type { Column } from "~/components/ui/data-table";
import { chinaClock, chinaTime, pick, type Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import type { adminMemberRowOutput } from "~/server/members/member-directory";
import { unlockMemberAction } from "../actions";

export type MemberRow = z.infer<typeof adminMemberRowOutput>;

function WecomCell({ m, t, locale, app }: { m: MemberRow; t: Translate; locale: Locale; app: string }) {
  const tone = m.wecom.state === "ACTIVATED" ? "text-green-700" : m.wecom.state === "OUT_OF_RANGE" ? "text-red-700" : undefined;
  return (
    <>
      <div className={tone}>{t(`admin.wecom.${m.wecom.state ?? "NONE"}`)}</div>
      {m.wecom.stateAt ? (
        <div className="text-xs text-slate-500">{t("admin.wecom.asOf", { time: chinaTime(locale, m.wecom.stateAt) })}</div>
      ) : null}
      {m.wecom.state === "OUT_OF_RANGE" ? <div className="text-xs text-red-700">{t("admin.wecom.outOfRangeHint", { app })}</div> : null}
      {m.wecom.phoneOutdated ? <div className="text-xs text-amber-700">{t("admin.wecom.phoneOutdated")}</div> : null}
    </>
  );
}

function StateCell({ m, t, locale, now }: { m: MemberRow; t: Translate; locale: Locale; now: Date }) {
  if (m.lockedUntil === null || m.lockedUntil <= now) return <span className="text-green-700">{t("admin.normal")}</span>;
  return (
    <ActionForm action={unlockMemberAction} className="flex items-center gap-2">
      <input type="hidden" name="memberId" value={m.id} />
      <span className="text-red-700">{t("admin.lockedUntil", { time: chinaClock(locale, m.lockedUntil) })}</span>
      <button className="rounded border border-slate-300 px-2 py-1">{t("admin.unlock")}</button>
    </ActionForm>
  );
}

export function memberColumns(t: Translate, locale: Locale, app: string): Column<MemberRow>[] {
  const now = new Date();
  return [
    {
      key: "account",
      header: t("admin.col.account"),
      sortable: true,
      className: "font-mono",
      cell: (m) => (
        <a href={`/admin/members/${m.id}`} className="text-[var(--brand)] underline" data-testid={`open-${m.account}`}>
          {m.account}
        </a>
      ),
    },
    { key: "name", header: t("admin.col.name"), sortable: true, cell: (m) => m.name },
    {
      key: "identity",
      header: t("admin.col.identity"),
      cell: (m) => pick(locale, { zh: m.identityKind.nameZh, en: m.identityKind.nameEn }),
    },
    { key: "department", header: t("admin.col.department"), sortable: true, cell: (m) => m.department },
    { key: "phone", header: t("admin.col.phone"), cell: (m) => m.phoneDisplay ?? "—" },
    {
      key: "wecom",
      header: t("admin.col.wecom"),
      sortable: true,
      cellTestId: (m) => `wecom-${m.account}`,
      cell: (m) => <WecomCell m={m} t={t} locale={locale} app={app} />,
    },
    { key: "state", header: t("admin.col.state"), cell: (m) => <StateCell m={m} t={t} locale={locale} now={now} /> },
  ];
}
