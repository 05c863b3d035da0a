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

/** A result that names the page to go on to (a server action's redirect() would leave the school's host). */
export type NextState = ActionResult & { next?: string };

/** The confirmation's 【确认删除（N）】: N is the number it showed, so a changed directory deletes nothing. */
export async function deleteMissingAction(_previous: NextState | null, form: FormData): Promise<NextState> {
  const importJobId = formText(form, "importJobId") ?? "";
  let next: string | undefined;
  const result = await runAction(async ({ api }) => {
    const { deleted } = await api.admin.roster.deleteMissing({ importJobId, count: Number(formText(form, "count") ?? 0) });
    // No revalidatePath: re-rendering this page would unmount the form (the step vanishes with its
    // members) before it could go on; the next page is loaded afresh.
    next = `/admin/import/${importJobId}?deleted=${deleted}`;
  });
  return { ...result, ...(next ? { next } : {}) };
}
