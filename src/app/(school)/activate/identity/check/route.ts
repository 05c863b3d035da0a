// POST /activate/identity/check — 身份校验's 【下一步】 (/activate/identity): 考生号, 姓名, 证件类型 and
// 证件号码 against the directory (auth/account-activation.ts). A plain form post; every answer a 303:
// on to the phone step with the state advanced, or back with the refusal (which never says which field).
import { checkActivationIdentity, openActivation, sealActivation } from "~/server/auth/account-activation";
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { schoolRoute } from "~/server/http/route-scope";
import { activationCookie, activationRoute, MAX_FORM_BYTES, sealedActivationOf, STEP_PATHS } from "../../paths";

export const dynamic = "force-dynamic";

export const POST = schoolRoute(activationRoute("identity", STEP_PATHS.identity), async ({ request, scope }) => {
  const form = await readFormCapped(request, MAX_FORM_BYTES);
  const state = openActivation(scope.tenant.id, sealedActivationOf(request));
  const next = await checkActivationIdentity(scope, state, {
    account: form.account ?? "",
    name: form.name ?? "",
    idType: form.idType ?? "",
    idNumber: form.idNumber ?? "",
  });
  return redirectTo(STEP_PATHS.phone, [activationCookie(sealActivation(scope.tenant.id, next))]);
});
