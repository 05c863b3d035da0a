"use server";
import { revalidatePath } from "next/cache";
import { formText, runAction, type ActionResult } from "~/server/actions";
import { ROSTER_FIELDS } from "~/server/members/roster/fields";

export async function startImportAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    const importJobId = formText(form, "importJobId") ?? "";
    await api.admin.roster.start({ importJobId });
    revalidatePath(`/admin/import/${importJobId}`);
  });
}

/** The mapping form's selects, col0 … colN, each a field or "ignore" (anything else: ignore). */
export async function remapImportAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    const importJobId = formText(form, "importJobId") ?? "";
    const columns = Number(formText(form, "columns") ?? 0);
    const known = new Set<string>(ROSTER_FIELDS);
    const mapping = Array.from({ length: Math.min(Math.max(columns, 0), 200) }, (_, i) => {
      const role = formText(form, `col${i}`) ?? "ignore";
      return (known.has(role) ? role : "ignore") as (typeof ROSTER_FIELDS)[number] | "ignore";
    });
    await api.admin.roster.remap({ importJobId, mapping });
    revalidatePath(`/admin/import/${importJobId}`);
  });
}
