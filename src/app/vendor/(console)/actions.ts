"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { formFields, runAction, type ActionResult } from "~/server/actions";
import type { createTenantInput } from "~/server/tenants/manage-tenants";

export async function createTenantAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    // The procedure's schema validates the fields; anything but text fails there.
    const tenant = await api.vendor.tenants.create(
      formFields(form, ["slug", "name", "nameEn", "idpKind"]) as z.input<typeof createTenantInput>,
    );
    revalidatePath("/vendor");
    return t("vendor.created", { slug: tenant.slug });
  });
}

export async function setTenantStatusAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    const fields = formFields(form, ["tenantId", "status"]);
    await api.vendor.tenants.setStatus({ tenantId: fields.tenantId ?? "", status: fields.status as "ACTIVE" | "SUSPENDED" });
    revalidatePath("/vendor");
  });
}

export async function unlockTenantAdminAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    const fields = formFields(form, ["tenantId", "adminId"]);
    await api.vendor.tenantAdmins.unlock({ tenantId: fields.tenantId ?? "", adminId: fields.adminId ?? "" });
    revalidatePath("/vendor");
  });
}
