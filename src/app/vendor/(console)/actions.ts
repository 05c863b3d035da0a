"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
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

/** 【删除学校】 from its confirmation page (schools/[tenantId]/delete): then back to the list, where it is among the deleted. */
export async function deleteTenantAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    const fields = formFields(form, ["tenantId", "confirmSlug"]);
    const deleted = await api.vendor.tenants.delete({ tenantId: fields.tenantId ?? "", confirmSlug: fields.confirmSlug ?? "" });
    revalidatePath("/vendor");
    redirect(`/vendor?deleted=${encodeURIComponent(deleted.slug)}`);
  });
}

export async function restoreTenantAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    const restored = await api.vendor.tenants.restore({ tenantId: formFields(form, ["tenantId"]).tenantId ?? "" });
    revalidatePath("/vendor");
    return t("vendorOps.restored", { slug: restored.slug });
  });
}
