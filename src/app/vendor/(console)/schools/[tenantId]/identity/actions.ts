"use server";
import { revalidatePath } from "next/cache";
import { actionFailure, runAction, type ActionResult } from "~/server/actions";
import type { IdentityTestResult } from "~/components/identity-settings";
import { identitySettingsFromForm } from "~/server/identity/settings-form";
import { requestContext, serverApi } from "~/server/request";

const tenantIdOf = (form: FormData) => {
  const value = form.get("tenantId");
  return typeof value === "string" ? value : "";
};

export async function vendorSaveIdentitySettingsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    const tenantId = tenantIdOf(form);
    await api.vendor.identity.update({ tenantId, ...identitySettingsFromForm(form) });
    revalidatePath(`/vendor/schools/${tenantId}/identity`);
    return t("idp.saved");
  });
}

export async function vendorTestIdentityConnectionAction(
  _previous: IdentityTestResult | null,
  form: FormData,
): Promise<IdentityTestResult> {
  const ctx = await requestContext();
  try {
    return await (await serverApi()).vendor.identity.testConnection({ tenantId: tenantIdOf(form) });
  } catch (error) {
    return actionFailure(error, ctx.locale);
  }
}
