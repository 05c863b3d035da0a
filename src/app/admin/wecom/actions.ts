"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionFailure, requestContext, serverApi, type ActionResult } from "~/server/request";
import { translator } from "~/i18n/messages";
import { type wecomSettingsInput } from "~/server/wecom/settings";
import type { DiagnosisCheck } from "~/server/wecom/diagnose";

const FIELDS = ["apiBaseUrl", "corpId", "agentId", "assistantAppName", "appSecret", "contactSecret"] as const;

export async function saveWecomSettingsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  try {
    // The procedure's schema validates every field.
    const input = Object.fromEntries(FIELDS.map((key) => [key, form.get(key) ?? undefined]));
    const saved = await (await serverApi()).admin.wecom.update(input as z.input<typeof wecomSettingsInput>);
    revalidatePath("/admin/wecom");
    return { ok: true, message: translator(ctx.locale)(saved.clearedSecrets ? "wecom.savedClearedSecrets" : "wecom.saved") };
  } catch (error) {
    return actionFailure(error, ctx.locale);
  }
}

/** The diagnosis, or why it could not run (rate limit, permission): a failure has no checklist. */
export type ConnectionTestResult = { ok: boolean; message: string; checks?: DiagnosisCheck[] };

export async function testWecomConnectionAction(): Promise<ConnectionTestResult> {
  const ctx = await requestContext();
  try {
    return await (await serverApi()).admin.wecom.testConnection();
  } catch (error) {
    const failure = actionFailure(error, ctx.locale);
    return { ok: false, message: failure.message ?? "" };
  }
}

export async function regenerateCallbackKeysAction(): Promise<void> {
  await (await serverApi()).admin.wecom.regenerateCallbackKeys();
  revalidatePath("/admin/wecom");
}

export async function retrySyncJobAction(form: FormData): Promise<void> {
  const { jobId } = z.object({ jobId: z.string().uuid() }).parse({ jobId: form.get("jobId") });
  await (await serverApi()).admin.syncJobs.retry({ jobId });
  revalidatePath("/admin/wecom");
}
