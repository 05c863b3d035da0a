// POST /activate/confirm — 【下一步】 with the code of the phone or the e-mail step: a plain form post.
// A right code advances the state to the next step; a wrong one goes back with the tries left.
import { activationStep, confirmActivationCode, openActivation, sealActivation } from "~/server/auth/account-activation";
import { toAppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { refusalQuery } from "~/server/http/refusal-query";
import { schoolRoute } from "~/server/http/route-scope";
import { activationCookie, activationRoute, MAX_FORM_BYTES, sealedActivationOf, STEP_PATHS } from "../paths";

export const dynamic = "force-dynamic";

export const POST = schoolRoute(activationRoute("confirm", STEP_PATHS.phone), async ({ request, scope }) => {
  const form = await readFormCapped(request, MAX_FORM_BYTES);
  const channel = form.channel === "email" ? "EMAIL" : "PHONE";
  const page = channel === "EMAIL" ? STEP_PATHS.email : STEP_PATHS.phone;
  const state = openActivation(scope.tenant.id, sealedActivationOf(request));
  try {
    const next = await confirmActivationCode(scope, state, channel, { code: form.code ?? "" });
    return redirectTo(STEP_PATHS[activationStep(next)], [activationCookie(sealActivation(scope.tenant.id, next))]);
  } catch (error) {
    const refusal = toAppError(error);
    if (refusal.code === "INTERNAL" || refusal.code === "ACTIVATION_EXPIRED") throw error;
    return redirectTo(`${page}?${refusalQuery(refusal).toString()}`);
  }
});
