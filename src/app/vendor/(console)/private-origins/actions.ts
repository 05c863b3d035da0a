"use server";
import { revalidatePath } from "next/cache";
import { formFields, runAction, type ActionResult } from "~/server/actions";

export async function addPrivateOriginAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    const fields = formFields(form, ["origin", "note"]);
    const added = await api.vendor.privateOrigins.add({ origin: fields.origin ?? "", note: fields.note ?? "" });
    revalidatePath("/vendor/private-origins");
    return t("vendor.origins.added", { origin: added.origin });
  });
}

export async function removePrivateOriginAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    await api.vendor.privateOrigins.remove({ id: formFields(form, ["id"]).id ?? "" });
    revalidatePath("/vendor/private-origins");
  });
}
