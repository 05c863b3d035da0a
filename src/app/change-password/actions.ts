"use server";
import { actionFailure, requestContext, serverApi, type ActionResult } from "~/server/request";

export async function changePasswordAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await requestContext();
  try {
    // The procedure's schema validates the fields; anything but text fails there.
    const field = (key: string) => (typeof form.get(key) === "string" ? (form.get(key) as string) : "");
    await (
      await serverApi()
    ).me.password.change({
      currentPassword: field("currentPassword"),
      newPassword: field("newPassword"),
      confirmPassword: field("confirmPassword"),
    });
    // Every session of the account has ended, this one too: the form sends the member to sign in again.
    return { ok: true };
  } catch (error) {
    return actionFailure(error, ctx.locale);
  }
}
