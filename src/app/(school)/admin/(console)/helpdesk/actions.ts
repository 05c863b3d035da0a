"use server";
import { revalidatePath } from "next/cache";
import { formText, runAction, type ActionResult } from "~/server/actions";

export async function resolveCaseAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    await api.admin.helpdesk.resolve({ caseId: formText(form, "caseId") ?? "" });
    revalidatePath("/admin/helpdesk");
  });
}

/** 【回复并标记已处理】 / 【仅回复】: the member reads the answer on 个人中心. */
export async function answerCaseAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    await api.admin.helpdesk.answer({
      caseId: formText(form, "caseId") ?? "",
      answer: formText(form, "answer") ?? "",
      close: formText(form, "close") !== "0",
    });
    revalidatePath("/admin/helpdesk");
  });
}

/** 【由我处理】. */
export async function assignCaseAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    await api.admin.helpdesk.assign({ caseId: formText(form, "caseId") ?? "" });
    revalidatePath("/admin/helpdesk");
  });
}
