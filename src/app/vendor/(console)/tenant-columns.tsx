// The vendor's table of schools: name and sign-in kind, members, state, and what one does with a
// school (open it, its unified login, suspend or resume, its back-office accounts, delete it).
import type { z } from "zod";
import { ActionForm } from "~/components/action-form";
import type { Column } from "~/components/ui/data-table";
import type { SortValue } from "~/components/ui/table-state";
import { chinaClock, pick, type Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import type { tenantSummaryOutput } from "~/server/tenants/manage-tenants";
import type { tenantAdminRowOutput } from "~/server/tenants/tenant-admins";
import { setTenantStatusAction, unlockTenantAdminAction } from "./actions";

export type TenantRow = z.infer<typeof tenantSummaryOutput> & { url: string; admins: z.infer<typeof tenantAdminRowOutput>[] };

export const TENANT_SORT: Readonly<Record<string, (row: TenantRow) => SortValue>> = {
  school: (s) => s.slug,
  members: (s) => s._count.members,
  status: (s) => s.status,
};

function Admins({ school, t, locale }: { school: TenantRow; t: Translate; locale: Locale }) {
  const now = new Date();
  return (
    <details className="text-sm" data-testid="tenant-admins">
      <summary className="cursor-pointer whitespace-nowrap text-slate-600">{t("vendor.admins")}</summary>
      <ul className="mt-2 divide-y divide-slate-100">
        {school.admins.map((a) => (
          <li key={a.id} className="flex items-center gap-3 py-2" data-testid={`tenant-admin-${a.username}`}>
            <span className="font-mono">{a.username}</span>
            <span className="flex-1">
              {a.name} · {t(`admin.role.${a.role}`)}
            </span>
            {a.disabled ? (
              <span className="text-slate-500">{t("admin.disabled")}</span>
            ) : a.lockedUntil !== null && a.lockedUntil > now ? (
              <ActionForm action={unlockTenantAdminAction} className="flex items-center gap-2">
                <input type="hidden" name="tenantId" value={school.id} />
                <input type="hidden" name="adminId" value={a.id} />
                <span className="text-red-700">{t("admin.lockedUntil", { time: chinaClock(locale, a.lockedUntil) })}</span>
                <button className="rounded border border-slate-300 px-2 py-1">{t("admin.unlock")}</button>
              </ActionForm>
            ) : (
              <span className="text-green-700">{t("admin.normal")}</span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Actions({ school, t }: { school: TenantRow; t: Translate }) {
  return (
    <div className="flex flex-wrap items-center gap-3 whitespace-nowrap">
      <a href={school.url} className="text-[var(--brand)] underline">
        {t("vendor.open")}
      </a>
      <a href={`/vendor/schools/${school.id}/identity`} className="text-[var(--brand)] underline">
        {t("idp.title")}
      </a>
      <a
        href={`/vendor/schools/${school.id}/admins`}
        className="text-[var(--brand)] underline"
        data-testid={`school-admins-${school.slug}`}
      >
        {t("console.nav.accounts")}
      </a>
      <a
        href={`/vendor/schools/${school.id}/domains`}
        className="text-[var(--brand)] underline"
        data-testid={`school-domains-${school.slug}`}
      >
        {t("vendor.domains.nav")}
      </a>
      <a href={`/vendor/schools/${school.id}/delete`} className="text-red-700 underline" data-testid={`school-delete-${school.slug}`}>
        {t("vendorOps.delete")}
      </a>
      <ActionForm action={setTenantStatusAction}>
        <input type="hidden" name="tenantId" value={school.id} />
        <input type="hidden" name="status" value={school.status === "ACTIVE" ? "SUSPENDED" : "ACTIVE"} />
        <button className="rounded border border-slate-300 px-3 py-1.5">
          {school.status === "ACTIVE" ? t("vendor.suspend") : t("vendor.resume")}
        </button>
      </ActionForm>
    </div>
  );
}

export function tenantColumns(t: Translate, locale: Locale): Column<TenantRow>[] {
  return [
    {
      key: "school",
      header: t("console.vendor.school"),
      sortable: true,
      cell: (s) => (
        <>
          <div className="font-medium">
            {pick(locale, { zh: s.name, en: s.nameEn || s.name })} <span className="font-mono text-slate-500">{s.slug}</span>
          </div>
          <div className="text-slate-500">{t(`vendor.idp.${s.idpKind}`)}</div>
        </>
      ),
    },
    { key: "members", header: t("console.vendor.members"), sortable: true, className: "tabular-nums", cell: (s) => s._count.members },
    {
      key: "status",
      header: t("console.vendor.status"),
      sortable: true,
      cell: (s) => (
        <span
          className={`rounded-full px-2 py-0.5 whitespace-nowrap ${s.status === "ACTIVE" ? "bg-green-100 text-green-800" : "bg-slate-200 text-slate-700"}`}
          data-testid="tenant-status"
        >
          {t(`vendor.status.${s.status}`)}
        </span>
      ),
    },
    { key: "actions", header: t("console.vendor.actions"), cell: (s) => <Actions school={s} t={t} /> },
    { key: "admins", header: t("vendor.admins"), cell: (s) => <Admins school={s} t={t} locale={locale} /> },
  ];
}
