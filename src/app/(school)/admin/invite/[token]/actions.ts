"use server";
import { formText, runAction, type ActionResult } from "~/server/actions";

/** The invited account's password, set through its link. */
export async function acceptInvitationAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    const { username } = await api.school.invite.accept({
      token: formText(form, "token") ?? "",
      password: formText(form, "password") ?? "",
      confirmPassword: formText(form, "confirmPassword") ?? "",
    });
    return t("invite.done", { username });
  });
}
