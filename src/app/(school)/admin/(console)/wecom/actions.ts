"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { actionFailure, formFields, runAction, type ActionResult } from "~/server/actions";
import { requestContext, serverApi } from "~/server/request";
import type { DiagnosisCheck } from "~/server/wecom/diagnose";
import type { wecomSettingsInput } from "~/server/wecom/settings";

const FIELDS = ["apiBaseUrl", "corpId", "agentId", "assistantAppName", "appSecret", "contactSecret"] as const;

export async function saveWecomSettingsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    // The procedure's schema validates every field.
    const saved = await api.admin.wecom.update(formFields(form, FIELDS) as z.input<typeof wecomSettingsInput>);
    revalidatePath("/admin/wecom");
    return t(saved.clearedSecrets ? "wecom.savedClearedSecrets" : "wecom.saved");
  });
}

/** The diagnosis, or why it could not run (rate limit, permission): a failure has no checklist. */
export type ConnectionTestResult = { ok: boolean; message: string; checks?: DiagnosisCheck[] };

export async function testWecomConnectionAction(): Promise<ConnectionTestResult> {
  const ctx = await requestContext();
  try {
    return await (await serverApi()).admin.wecom.testConnection();
  } catch (error) {
    return actionFailure(error, ctx.locale);
  }
}

export async function regenerateCallbackKeysAction(): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    await api.admin.wecom.regenerateCallbackKeys();
    revalidatePath("/admin/wecom");
  });
}

export async function retrySyncJobAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    await api.admin.syncJobs.retry({ jobId: formFields(form, ["jobId"]).jobId ?? "" });
    revalidatePath("/admin/wecom");
  });
}
