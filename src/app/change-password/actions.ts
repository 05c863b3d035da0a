"use server";
import { redirect } from "next/navigation";
import { actionFailure, requestContext, serverApi, type ActionResult } from "~/server/request";

export async function changePasswordAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  try {
    // The procedure's schema validates the fields; anything but text fails there.
    const field = (key: string) => (typeof form.get(key) === "string" ? (form.get(key) as string) : "");
    await (await serverApi()).member.changePassword({
      currentPassword: field("currentPassword"),
      newPassword: field("newPassword"),
      confirmPassword: field("confirmPassword"),
    });
  } catch (error) {
    return actionFailure(error, ctx.locale);
  }
  // Every session of the account has ended, this one too: sign in with the new password.
  redirect("/login?changed=1");
}
