import { redirect } from "next/navigation";
import { SignInForm } from "~/components/sign-in-form";
import { PageShell } from "~/components/page-shell";
import { requireVendorHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";

export default async function VendorLoginPage({ searchParams }: { searchParams: Promise<{ enrolled?: string }> }) {
  const { ctx } = await requireVendorHost();
  const { t } = await requestLocale();
  if (ctx.actor?.kind === "vendor") redirect(ctx.actor.secondFactor ? "/vendor" : "/vendor/enrol");
  const { enrolled } = await searchParams;
  return (
    <PageShell title={t("vendor.loginTitle")} t={t}>
      {enrolled ? (
        <p role="status" className="mb-4 rounded-lg bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("vendor.enrolDone")}
        </p>
      ) : null}
      <SignInForm provider="vendor" callbackUrl="/vendor" accountLabel="vendor.usernameLabel" />
    </PageShell>
  );
}
