import { redirect } from "next/navigation";
import { SignInForm } from "~/components/sign-in-form";
import { PageShell } from "~/components/page-shell";
import { requireRootHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";

export default async function VendorLoginPage() {
  const { ctx } = await requireRootHost();
  const { t } = await requestLocale();
  if (ctx.actor?.kind === "vendor") redirect("/vendor");
  return (
    <PageShell title={t("vendor.loginTitle")} t={t}>
      <SignInForm provider="vendor" callbackUrl="/vendor" accountLabel="vendor.usernameLabel" />
    </PageShell>
  );
}
