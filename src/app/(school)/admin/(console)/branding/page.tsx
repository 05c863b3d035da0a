// 品牌: the school's logo and colours, and a phone showing what members see with them. The logo is
// a form post to ./logo; the colours are saved by their action; both come back to this page.
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { Words } from "~/components/words";
import { pick } from "~/i18n/locale";
import { MAX_LOGO_BYTES } from "~/server/branding/logo-image";
import { AppError, ERROR_CATALOG, type AppErrorCode } from "~/server/errors";
import { currentSchool } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";
import { PolicyForm, type PolicyField } from "../settings/policy-form";
import { saveColoursAction } from "./actions";
import { LogoForm } from "./logo-form";
import { PhonePreview } from "./phone-preview";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BrandingPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, t } = await requestLocale();
  const params = await searchParams;
  const branding = await (await serverApi()).admin.branding.get();
  const school = await currentSchool();
  const code = typeof params.error === "string" && params.error in ERROR_CATALOG ? (params.error as AppErrorCode) : null;
  const logoNotice = params.logo === "saved" ? t("branding.logoSaved") : params.logo === "removed" ? t("branding.logoRemoved") : null;
  const colourFields: PolicyField[] = [
    { name: "primaryColor", label: "branding.primaryColor", hint: "branding.primaryHint", value: branding.primaryColor },
    { name: "accentColor", label: "branding.accentColor", hint: "branding.accentHint", value: branding.accentColor },
  ];
  return (
    <>
      <PageHeader title={t("branding.title")} description={t("branding.lead")} />
      {code ? (
        <Notice tone="danger" testId="branding-error">
          {new AppError(code, { kib: MAX_LOGO_BYTES / 1024 }).messageIn(locale)}
        </Notice>
      ) : null}
      {logoNotice ? (
        <Notice tone="info" testId="branding-logo-saved">
          {logoNotice}
        </Notice>
      ) : null}
      <div className="flex flex-col gap-6 lg:flex-row lg:items-start">
        <div className="min-w-0 flex-1 space-y-4">
          <LogoForm logoUrl={branding.logoUrl} t={t} />
          <Words namespaces={["common", "settings", "branding"]}>
            <PolicyForm title="branding.colours" fields={colourFields} action={saveColoursAction} testId="branding-colours" />
          </Words>
        </div>
        <PhonePreview
          name={pick(locale, { zh: school.name, en: school.nameEn || school.name })}
          primaryColor={branding.primaryColor}
          accentColor={branding.accentColor}
          logoUrl={branding.logoUrl}
          t={t}
        />
      </div>
    </>
  );
}
