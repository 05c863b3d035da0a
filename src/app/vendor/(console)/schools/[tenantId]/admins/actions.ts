"use server";
import { revalidatePath } from "next/cache";
import { formFields, runAction, type ActionResult } from "~/server/actions";
import type { InviteRole } from "~/server/tenants/admin-invites";

/** The vendor's 【生成邀请链接】 for a school's admin: the link is the answer's message, shown once. */
export async function vendorInviteAdminAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    const fields = formFields(form, ["tenantId", "username", "name", "role"] as const);
    const { link } = await api.vendor.tenantAdmins.invite({
      tenantId: fields.tenantId ?? "",
      username: fields.username ?? "",
      name: fields.name ?? "",
      // The procedure's schema checks the role; anything else is refused there.
      role: (fields.role || "ADMIN") as InviteRole,
    });
    revalidatePath(`/vendor/schools/${fields.tenantId ?? ""}/admins`);
    return link;
  });
}
