"use server";
import { revalidatePath } from "next/cache";
import { formFields, runAction, type ActionResult } from "~/server/actions";
import type { InviteRole } from "~/server/tenants/admin-invites";

/** 【生成邀请链接】: the link is the answer's message, shown once. */
export async function inviteAdminAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    const fields = formFields(form, ["username", "name", "role"] as const);
    const { link } = await api.admin.accounts.invite({
      username: fields.username ?? "",
      name: fields.name ?? "",
      // The procedure's schema checks the role; anything else is refused there.
      role: (fields.role || "ADMIN") as InviteRole,
    });
    revalidatePath("/admin/accounts");
    return link;
  });
}
