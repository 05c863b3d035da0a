"use server";
import { revalidatePath } from "next/cache";
import { formFields, formText, runAction, type ActionResult } from "~/server/actions";
import { AppError } from "~/server/errors";

/** A yes/no choice of the form ("1" / "0"); anything else is no. */
const yes = (form: FormData, key: string) => formText(form, key) === "1";

export async function saveLockoutAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    // The procedure's schema coerces and bounds the numbers, naming the field that is wrong.
    const fields = formFields(form, ["maxAttempts", "lockMinutes"] as const);
    await api.admin.settings.updateLockout({ maxAttempts: fields.maxAttempts, lockMinutes: fields.lockMinutes });
    revalidatePath("/admin/settings");
    return t("settings.saved");
  });
}

export async function savePhoneAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    const codes = (formText(form, "allowedCountryCodes") ?? "").split(/[\s,，、;；]+/).filter(Boolean);
    await api.admin.settings.updatePhone({
      allowForeign: yes(form, "allowForeign"),
      requireWechatMatch: yes(form, "requireWechatMatch"),
      allowEmail: yes(form, "allowEmail"),
      confirmNewByCode: yes(form, "confirmNewByCode"),
      allowedCountryCodes: codes,
    });
    revalidatePath("/admin/settings");
    return t("settings.saved");
  });
}

export async function savePasswordAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    await api.admin.settings.updatePassword({
      initialPasswordRule: formText(form, "initialPasswordRule") === "ID_NUMBER_LAST8" ? "ID_NUMBER_LAST8" : "NONE",
      mustChangeInitial: yes(form, "mustChangeInitial"),
    });
    revalidatePath("/admin/settings");
    return t("settings.saved");
  });
}

export async function saveCodesAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    const keys = ["ttlSeconds", "maxAttempts", "resendSeconds", "dailyCapPerDestination", "dailyCapPerAddress", "dailyBudget"] as const;
    // The schema coerces the numbers and says which is out of its range; a code stays 6 digits.
    await api.admin.settings.updateCodes({ length: 6, ...formFields(form, keys) });
    revalidatePath("/admin/settings");
    return t("settings.saved");
  });
}

/** Adds a kind (the form has its code) or edits one (the code bound to the form). */
export async function saveIdentityKindAction(code: string | null, _previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    const fields = formFields(form, ["code", "nameZh", "nameEn", "apps"] as const);
    await api.admin.settings.saveIdentityKind({
      code: code ?? fields.code ?? "",
      nameZh: fields.nameZh ?? "",
      nameEn: fields.nameEn ?? "",
      apps: fields.apps ?? "",
    });
    revalidatePath("/admin/settings");
    return t("settings.saved");
  });
}

/** Deletes a kind once the admin ticked the confirmation (the browser asks for it too). */
export async function deleteIdentityKindAction(code: string, _previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    if (formText(form, "confirm") !== "1") throw new AppError("INVALID_INPUT");
    await api.admin.settings.deleteIdentityKind({ code });
    revalidatePath("/admin/settings");
    return t("settings.kinds.deleted", { code });
  });
}
