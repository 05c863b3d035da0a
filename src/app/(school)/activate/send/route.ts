// POST /activate/send — 【获取验证码】 (and 【重新获取验证码】) of the phone and the e-mail steps: a plain
// form post naming the step (`channel`) and, the first time, the phone or address. The state says
// which step the person is at: a post for another step is refused. Every answer a 303 to the step's page.
import { openActivation, sealActivation, sendActivationCode } from "~/server/auth/account-activation";
import { toAppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { refusalQuery } from "~/server/http/refusal-query";
import { schoolRoute } from "~/server/http/route-scope";
import { activationCookie, activationRoute, MAX_FORM_BYTES, sealedActivationOf, STEP_PATHS } from "../paths";

export const dynamic = "force-dynamic";

export const POST = schoolRoute(activationRoute("send", STEP_PATHS.phone), async ({ request, scope }) => {
  const form = await readFormCapped(request, MAX_FORM_BYTES);
  const channel = form.channel === "email" ? "EMAIL" : "PHONE";
  const page = channel === "EMAIL" ? STEP_PATHS.email : STEP_PATHS.phone;
  const state = openActivation(scope.tenant.id, sealedActivationOf(request));
  try {
    const sent = await sendActivationCode(scope, state, channel, { value: form.value });
    return redirectTo(`${page}?minutes=${sent.issued.ttlMinutes}`, [activationCookie(sealActivation(scope.tenant.id, sent.state))]);
  } catch (error) {
    const refusal = toAppError(error);
    if (refusal.code === "INTERNAL" || refusal.code === "ACTIVATION_EXPIRED") throw error;
    return redirectTo(`${page}?${refusalQuery(refusal).toString()}`);
  }
});
