"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { translator } from "~/i18n/messages";
import { actionFailure, requestContext, serverApi, type ActionResult } from "~/server/request";

export async function createTenantAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  try {
    const tenant = await (await serverApi()).vendor.createTenant({
      slug: String(form.get("slug") ?? ""),
      name: String(form.get("name") ?? ""),
      nameEn: String(form.get("nameEn") ?? ""),
      idpKind: String(form.get("idpKind") ?? "") as "BUILTIN",
    });
    revalidatePath("/vendor");
    return { ok: true, message: translator(ctx.locale)("vendor.created", { slug: tenant.slug }) };
  } catch (error) {
    return actionFailure(error, ctx.locale);
  }
}

export async function setTenantStatusAction(form: FormData): Promise<void> {
  const input = z
    .object({ tenantId: z.string().uuid(), status: z.enum(["ACTIVE", "SUSPENDED"]) })
    .parse({ tenantId: form.get("tenantId"), status: form.get("status") });
  await (await serverApi()).vendor.setTenantStatus(input);
  revalidatePath("/vendor");
}
