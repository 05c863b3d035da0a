"use server";
import { redirect } from "next/navigation";
import { formText, runAction, type ActionResult } from "~/server/actions";

/** Confirms a new authenticator; every session then ends, so the next sign-in uses the code. */
export async function confirmSecondFactorAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    const text = (key: string) => formText(form, key) || undefined;
    await api.vendor.secondFactor.confirm({ ticket: text("ticket") ?? "", code: text("code") ?? "", currentCode: text("currentCode") });
    redirect("/vendor/login?enrolled=1");
  });
}
