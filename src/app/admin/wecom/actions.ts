"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionFailure, requestContext, serverApi, type ActionResult } from "~/server/request";
import { translator } from "~/i18n/messages";
import { type wecomSettingsInput } from "~/server/tenants/wecom-settings";

const FIELDS = ["apiBaseUrl", "corpId", "agentId", "assistantAppName", "appSecret", "contactSecret"] as const;

export async function saveWecomSettingsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  try {
    // The procedure's schema validates every field.
    const input = Object.fromEntries(FIELDS.map((key) => [key, form.get(key) ?? undefined]));
    const saved = await (await serverApi()).wecom.updateSettings(input as z.input<typeof wecomSettingsInput>);
    revalidatePath("/admin/wecom");
    return { ok: true, message: translator(ctx.locale)(saved.clearedSecrets ? "wecom.savedClearedSecrets" : "wecom.saved") };
  } catch (error) {
    return actionFailure(error, ctx.locale);
  }
}

export async function testWecomConnectionAction(): Promise<ActionResult> {
  const ctx = await requestContext();
  try {
    const result = await (await serverApi()).wecom.testConnection();
    return result.ok ? { ok: true, message: result.message } : { ok: false, message: result.message };
  } catch (error) {
    return actionFailure(error, ctx.locale);
  }
}

export async function regenerateCallbackKeysAction(): Promise<void> {
  await (await serverApi()).wecom.regenerateCallbackKeys();
  revalidatePath("/admin/wecom");
}

export async function retrySyncJobAction(form: FormData): Promise<void> {
  const { jobId } = z.object({ jobId: z.string().uuid() }).parse({ jobId: form.get("jobId") });
  await (await serverApi()).admin.retrySyncJob({ jobId });
  revalidatePath("/admin/wecom");
}
