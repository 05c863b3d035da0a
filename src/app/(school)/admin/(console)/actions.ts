"use server";
import { revalidatePath } from "next/cache";
import { formFields, runAction, type ActionResult } from "~/server/actions";

export async function unlockMemberAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    await api.admin.directory.unlock({ memberId: formFields(form, ["memberId"]).memberId ?? "" });
    revalidatePath("/admin", "layout");
  });
}

export async function unlockAdminAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    await api.admin.accounts.unlock({ adminId: formFields(form, ["adminId"]).adminId ?? "" });
    revalidatePath("/admin", "layout");
  });
}

export async function setAdminDisabledAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    const fields = formFields(form, ["adminId", "disabled"]);
    await api.admin.accounts.setDisabled({ adminId: fields.adminId ?? "", disabled: fields.disabled === "true" });
    revalidatePath("/admin", "layout");
  });
}
