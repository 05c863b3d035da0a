"use server";
import { HELPDESK_SENT_MESSAGE } from "~/server/helpdesk/cases";
import { formText, runAction, type ActionResult } from "~/server/actions";

export type BindFormState = {
  /** Counts the answers: the form's fields are drawn afresh (with what was typed) after each one. */
  answer: number;
  result: ActionResult | null;
  /** What the member typed, kept across answers. */
  value: string;
  /** The code went out: to whom (as typed), for how long, and when another may be asked for. */
  codeSent: { to: string; email: boolean; minutes: number; resendAfterSeconds: number; at: number } | null;
  /**
   * Bound: the page to go on to. The form navigates there itself: Next's redirect() in a server
   * action renders its target by fetching it from the server's own origin (localhost), which is
   * the platform's root domain, not this school's host, and would answer 「页面不存在」.
   */
  next?: string;
};

/**
 * The bind page's one form: 【获取验证码】 (intent "code"), 【下一步】 ("next") and, after
 * 「手机号码已存在」, 【提交给运维老师】 ("helpdesk"). A bound phone goes on to the follow step.
 */
export async function bindPhoneAction(previous: BindFormState, form: FormData): Promise<BindFormState> {
  const value = (formText(form, "value") ?? "").slice(0, 254);
  const code = formText(form, "code")?.trim() || undefined;
  const intent = formText(form, "intent") ?? "next";
  let codeSent = previous.codeSent;
  let next: string | undefined;
  const result = await runAction(async ({ api, t }) => {
    if (intent === "helpdesk") {
      const sent = await api.me.binding.sendToHelpdesk({ value, note: (formText(form, "note") ?? "").slice(0, 500) });
      return t(HELPDESK_SENT_MESSAGE[sent.status]);
    }
    const outcome = intent === "code" ? await api.me.binding.requestCode({ value }) : await api.me.binding.bind({ value, code });
    if (outcome.status === "bound") {
      next = "/follow";
      return;
    }
    if (outcome.status === "noCodeNeeded") return t("journey.helpdeskNotNeeded");
    codeSent = {
      to: outcome.to,
      email: outcome.channel === "EMAIL",
      minutes: outcome.ttlMinutes,
      resendAfterSeconds: outcome.resendAfterSeconds,
      at: Date.now(),
    };
    return t(outcome.channel === "EMAIL" ? "journey.codeSentEmail" : "journey.codeSent", { to: outcome.to, minutes: outcome.ttlMinutes });
  });
  return { answer: previous.answer + 1, result, value, codeSent, next };
}
