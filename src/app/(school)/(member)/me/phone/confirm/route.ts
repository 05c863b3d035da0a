// POST /me/phone/confirm — 更换手机号's 【确认更换】: the code the new phone received, as a plain form post
// (works with the page's scripts blocked). Same-origin only. The phone is not in the form: the member's
// latest code names it (bindings/change-phone.ts). Success goes on to what the change means for the
// WeChat (/me/phone/done); a refusal back to the code's form, which says it.
import { confirmPhoneChange, phoneChangeConfirmInput } from "~/server/bindings/change-phone";
import { AppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { memberRoute } from "~/server/http/route-scope";
import { MAX_FORM_BYTES, PHONE_ROUTE } from "../paths";

export const dynamic = "force-dynamic";

export const POST = memberRoute(PHONE_ROUTE, async ({ request, scope }) => {
  const parsed = phoneChangeConfirmInput.safeParse(await readFormCapped(request, MAX_FORM_BYTES));
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  await confirmPhoneChange(scope, parsed.data);
  return redirectTo("/me/phone/done");
});
