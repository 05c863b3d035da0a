"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { translator } from "~/i18n/messages";
import { type createTenantInput } from "~/server/tenants/manage-tenants";
import { actionFailure, requestContext, serverApi, type ActionResult } from "~/server/request";

export async function createTenantAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  try {
    // The procedure's schema validates the fields; anything but text fails there.
    const fields = Object.fromEntries(["slug", "name", "nameEn", "idpKind"].map((key) => [key, form.get(key) ?? undefined]));
    const tenant = await (await serverApi()).vendor.tenants.create(fields as z.input<typeof createTenantInput>);
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
  await (await serverApi()).vendor.tenants.setStatus(input);
  revalidatePath("/vendor");
}

export async function unlockTenantAdminAction(form: FormData): Promise<void> {
  const input = z
    .object({ tenantId: z.string().uuid(), adminId: z.string().uuid() })
    .parse({ tenantId: form.get("tenantId"), adminId: form.get("adminId") });
  await (await serverApi()).vendor.tenantAdmins.unlock(input);
  revalidatePath("/vendor");
}

/** Confirms a new authenticator; every session then ends, so the next sign-in uses the code. */
export async function confirmSecondFactorAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  try {
    const text = (key: string) => {
      const value = form.get(key);
      return typeof value === "string" && value !== "" ? value : undefined;
    };
    await (
      await serverApi()
    ).vendor.secondFactor.confirm({ ticket: text("ticket") ?? "", code: text("code") ?? "", currentCode: text("currentCode") });
  } catch (error) {
    return actionFailure(error, ctx.locale);
  }
  redirect("/vendor/login?enrolled=1");
}
