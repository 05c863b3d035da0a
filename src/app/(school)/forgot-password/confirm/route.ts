// POST /forgot-password/confirm — 【重置密码】 of /forgot-password/reset: the ticket, the code and the new
// password, as a plain form post (works with the page's scripts blocked). Same-origin only. A password
// that breaks a rule, a wrong code or a throttle goes back to the code's page with the reason; an
// expired ticket starts over at /forgot-password; success signs in afresh at /login.
import { resetForgottenPassword, resetPasswordInput } from "~/server/auth/forgot-password";
import { AppError, toAppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { refusalQuery } from "~/server/http/refusal-query";
import { schoolRoute } from "~/server/http/route-scope";
import { FORGOT_ROUTE, MAX_FORM_BYTES, resetPagePath } from "../paths";

export const dynamic = "force-dynamic";

export const POST = schoolRoute(FORGOT_ROUTE, async ({ request, scope }) => {
  const form = await readFormCapped(request, MAX_FORM_BYTES);
  const ticket = form.ticket ?? "";
  const parsed = resetPasswordInput.safeParse(form);
  // The first broken rule (password.rule.*), said beside the rules on the page; the typed passwords are not sent back.
  if (!parsed.success) {
    const rule = parsed.error.issues.map((issue) => issue.message).find((message) => message.startsWith("password.rule."));
    return redirectTo(resetPagePath(ticket, new URLSearchParams(rule ? { rule } : refusalQuery(new AppError("INVALID_INPUT")))));
  }
  try {
    await resetForgottenPassword(scope, parsed.data);
  } catch (error) {
    const refusal = toAppError(error);
    if (refusal.code === "INTERNAL" || refusal.code === "RESET_TICKET_EXPIRED") throw error;
    return redirectTo(resetPagePath(ticket, refusalQuery(refusal)));
  }
  return redirectTo("/login?reset=1");
});
