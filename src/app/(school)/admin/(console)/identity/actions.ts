"use server";
import { revalidatePath } from "next/cache";
import { actionFailure, runAction, type ActionResult } from "~/server/actions";
import type { IdentityTestResult } from "~/components/identity-settings";
import { identitySettingsFromForm } from "~/server/identity/settings-form";
import { requestContext, serverApi } from "~/server/request";

export async function saveIdentitySettingsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    await api.admin.identity.update(identitySettingsFromForm(form));
    revalidatePath("/admin/identity");
    return t("idp.saved");
  });
}

export async function testIdentityConnectionAction(): Promise<IdentityTestResult> {
  const ctx = await requestContext();
  try {
    return await (await serverApi()).admin.identity.testConnection();
  } catch (error) {
    return actionFailure(error, ctx.locale);
  }
}
