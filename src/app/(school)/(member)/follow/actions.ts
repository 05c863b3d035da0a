"use server";
import { HELPDESK_SENT_MESSAGE } from "~/server/helpdesk/cases";
import { formText, runAction, type ActionResult } from "~/server/actions";

/** The follow page's 【提交给运维老师】 when the member's entry could not be written to WeCom. */
export async function sendSyncCaseAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    const sent = await api.me.binding.sendSyncCaseToHelpdesk({ note: (formText(form, "note") ?? "").slice(0, 500) });
    return t(HELPDESK_SENT_MESSAGE[sent.status]);
  });
}
