// POST /me/phone/send — 更换手机号's 【获取验证码】 (the new phone typed on /me/phone) and 【重新获取验证码】
// (the code's form, which names the phone again): a plain form post, so it works with the page's
// scripts blocked. Same-origin only. Every answer is a 303: on to the code's form, or back to the form
// the post came from with the refusal (bindings/change-phone.ts).
import { requestPhoneChangeCode, phoneChangeRequestInput } from "~/server/bindings/change-phone";
import { AppError, toAppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { refusalQuery } from "~/server/http/refusal-query";
import { memberRoute } from "~/server/http/route-scope";
import { MAX_FORM_BYTES, PHONE_ROUTE, phonePagePath } from "../paths";

export const dynamic = "force-dynamic";

export const POST = memberRoute(PHONE_ROUTE, async ({ request, scope }) => {
  const form = await readFormCapped(request, MAX_FORM_BYTES);
  const from = form.resend === "1" ? "code" : "phone";
  try {
    const parsed = phoneChangeRequestInput.safeParse(form);
    if (!parsed.success) throw new AppError("PHONE_INVALID");
    const sent = await requestPhoneChangeCode(scope, parsed.data);
    return redirectTo(phonePagePath("code", new URLSearchParams({ minutes: String(sent.ttlMinutes) })));
  } catch (error) {
    const refusal = toAppError(error);
    if (refusal.code === "INTERNAL" || refusal.code === "UNAUTHENTICATED") throw error;
    return redirectTo(phonePagePath(from, refusalQuery(refusal)));
  }
});
