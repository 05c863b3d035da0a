// 【删除学校】's one confirmation: it names the school and everything deleting it takes (members,
// admins, identity and WeCom settings, the audit trail …), and asks for the slug typed out.
import { notFound } from "next/navigation";
import { ActionForm } from "~/components/action-form";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { schoolName } from "~/i18n/locale";
import { toAppError } from "~/server/errors";
import { requestLocale, serverApi } from "~/server/request";
import { deleteTenantAction } from "../../../actions";

export default async function VendorDeleteSchoolPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(tenantId)) notFound();
  const { locale, t } = await requestLocale();
  const school = await (await serverApi()).vendor.tenants.deletionSummary({ tenantId }).catch((error: unknown) => {
    if (toAppError(error).code === "NOT_FOUND") notFound();
    throw error;
  });
  const what = [
    t("vendorOps.what.school", { name: school.name, nameEn: school.nameEn || "—", slug: school.slug }),
    t("vendorOps.what.members", { count: school.members }),
    t("vendorOps.what.admins", { count: school.admins.length, names: school.admins.join("、") || "—" }),
    t("vendorOps.what.identity", { kind: t(`vendor.idp.${school.idpKind}`) }),
    t(school.wecomConnected ? "vendorOps.what.wecomConnected" : "vendorOps.what.wecomNone"),
    ...(school.domains.length > 0 ? [t("vendorOps.what.domains", { domains: school.domains.join(", ") })] : []),
    t("vendorOps.what.rules"),
    t("vendorOps.what.cases", { count: school.helpdeskCases }),
    t("vendorOps.what.audit", { count: school.auditRows }),
  ];
  return (
    <>
      <PageHeader
        title={t("vendorOps.deleteTitle", { name: schoolName(school, locale), slug: school.slug })}
        back={{ href: "/vendor", label: t("common.back") }}
      />
      <Notice tone="danger" testId="delete-confirmation">
        <p>{t("vendorOps.deleteLead", { slug: school.slug })}</p>
        <ul className="mt-2 list-disc pl-5">
          {what.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </Notice>
      <ActionForm action={deleteTenantAction} className="flex max-w-md flex-col gap-3">
        <input type="hidden" name="tenantId" value={school.id} />
        <label className="flex flex-col gap-1 text-sm">
          {t("vendorOps.confirmSlug", { slug: school.slug })}
          <input
            name="confirmSlug"
            required
            autoComplete="off"
            spellCheck={false}
            className="rounded-lg border border-slate-300 px-3 py-2 font-mono"
            data-testid="confirm-slug"
          />
        </label>
        <button className="rounded-lg bg-red-700 py-3 text-white" data-testid="confirm-delete">
          {t("vendorOps.confirmDelete")}
        </button>
      </ActionForm>
    </>
  );
}
