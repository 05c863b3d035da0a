"use server";
import { revalidatePath } from "next/cache";
import { formFields, runAction, type ActionResult } from "~/server/actions";

export async function saveColoursAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    // The procedure's schema reads "#rrggbb" and the contrast rule names the colour that is too light.
    const fields = formFields(form, ["primaryColor", "accentColor"] as const);
    await api.admin.branding.updateColours({ primaryColor: fields.primaryColor ?? "", accentColor: fields.accentColor ?? "" });
    // Every page of the school draws its colours (the (school) layout), the preview among them.
    revalidatePath("/", "layout");
    return t("branding.saved");
  });
}
