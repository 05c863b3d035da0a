"use server";
import { formText, runAction, type ActionResult } from "~/server/actions";

/** Every session of the account ends, this one too: the form then sends the member to sign in again. */
export async function changePasswordAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    // The procedure's schema validates the fields; anything but text fails there.
    await api.me.password.change({
      currentPassword: formText(form, "currentPassword") ?? "",
      newPassword: formText(form, "newPassword") ?? "",
      confirmPassword: formText(form, "confirmPassword") ?? "",
    });
  });
}
