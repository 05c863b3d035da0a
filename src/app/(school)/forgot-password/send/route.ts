// POST /forgot-password/send — 【获取验证码】 of /forgot-password (the account and the phone or address),
// and 【重新获取验证码】 of /forgot-password/reset (the sealed ticket): a plain form post, so it works
// with the page's scripts blocked. Same-origin only. Every answer is a 303: on to the code's page with
// the ticket, or back to the form the post came from with the refusal (auth/forgot-password.ts).
import { openResetTicket, requestPasswordReset } from "~/server/auth/forgot-password";
import { toAppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { refusalQuery } from "~/server/http/refusal-query";
import { schoolRoute } from "~/server/http/route-scope";
import { FORGOT_ROUTE, MAX_FORM_BYTES, resetPagePath } from "../paths";

export const dynamic = "force-dynamic";

export const POST = schoolRoute(FORGOT_ROUTE, async ({ request, scope }) => {
  const form = await readFormCapped(request, MAX_FORM_BYTES);
  // A resend names the ticket the first post sealed; its refusals are shown on the code's page.
  const resent = form.ticket ? { ticket: form.ticket, ...openResetTicket(scope.tenant.id, form.ticket) } : null;
  try {
    const { ticket, issued } = await requestPasswordReset(
      scope,
      resent ? { account: resent.account, contact: resent.destination } : { account: form.account ?? "", contact: form.contact ?? "" },
    );
    return redirectTo(resetPagePath(ticket, { minutes: issued.ttlMinutes }));
  } catch (error) {
    const refusal = toAppError(error);
    if (resent && refusal.code !== "INTERNAL") return redirectTo(resetPagePath(resent.ticket, refusalQuery(refusal)));
    throw error;
  }
});
