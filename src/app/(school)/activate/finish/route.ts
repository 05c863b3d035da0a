// POST /activate/finish — 【完成激活】 of the password step: the new password, twice. A broken rule goes
// back to the page beside the rules (the passwords are not sent back); success writes the account in
// one transaction (auth/account-activation.ts), signs the person in on this browser (a fresh session
// cookie, as the school's CAS sign-in issues one), ends the activation's cookie and shows the done page.
import { activationPasswordInput, completeActivation, openActivation } from "~/server/auth/account-activation";
import { issueSessionCookie } from "~/server/auth/issue-session";
import { AppError, toAppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { refusalQuery } from "~/server/http/refusal-query";
import { schoolRoute } from "~/server/http/route-scope";
import { activationRoute, clearActivationCookie, MAX_FORM_BYTES, sealedActivationOf, STEP_PATHS } from "../paths";

export const dynamic = "force-dynamic";

export const POST = schoolRoute(activationRoute("finish", STEP_PATHS.password), async ({ request, scope, host }) => {
  const form = await readFormCapped(request, MAX_FORM_BYTES);
  const state = openActivation(scope.tenant.id, sealedActivationOf(request));
  const parsed = activationPasswordInput.safeParse(form);
  if (!parsed.success) {
    const rule = parsed.error.issues.map((issue) => issue.message).find((message) => message.startsWith("password.rule."));
    const query = rule ? new URLSearchParams({ rule }) : refusalQuery(new AppError("INVALID_INPUT"));
    return redirectTo(`${STEP_PATHS.password}?${query.toString()}`);
  }
  let done;
  try {
    done = await completeActivation(scope, state, parsed.data);
  } catch (error) {
    const refusal = toAppError(error);
    if (refusal.code === "INTERNAL" || refusal.code === "ACTIVATION_EXPIRED") throw error;
    // Activated meanwhile (another tab): the state is of no more use; the notice says to sign in.
    if (refusal.code === "ACTIVATION_ALREADY_DONE")
      return redirectTo(`/activate?${refusalQuery(refusal).toString()}`, [clearActivationCookie()]);
    return redirectTo(`${STEP_PATHS.password}?${refusalQuery(refusal).toString()}`);
  }
  const session = await issueSessionCookie({
    sub: done.memberId,
    kind: "member",
    tenantId: scope.tenant.id,
    host,
    ver: done.sessionVersion,
  });
  return redirectTo("/activate/done", [session, clearActivationCookie()]);
});
