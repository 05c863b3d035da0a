"use server";
import { revalidatePath } from "next/cache";
import { formText, runAction, type ActionResult } from "~/server/actions";

export async function resolveCaseAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    await api.admin.helpdesk.resolve({ caseId: formText(form, "caseId") ?? "" });
    revalidatePath("/admin/helpdesk");
  });
}
