// POST /activate/start — 【进入激活】 of the notice (/activate): a plain form post, so it works with the
// page's scripts blocked. Refused unless 「我已阅读激活须知」 is ticked; otherwise the activation's
// sealed state (auth/account-activation.ts) starts in its cookie and the identity check follows.
import { startActivation } from "~/server/auth/account-activation";
import { toAppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { refusalQuery } from "~/server/http/refusal-query";
import { schoolRoute } from "~/server/http/route-scope";
import { activationCookie, activationRoute, MAX_FORM_BYTES, STEP_PATHS } from "../paths";

export const dynamic = "force-dynamic";

export const POST = schoolRoute(activationRoute("start", "/activate"), async ({ request, scope }) => {
  const form = await readFormCapped(request, MAX_FORM_BYTES);
  try {
    const sealed = startActivation(scope.tenant.id, { read: form.read, kind: form.kind });
    return redirectTo(STEP_PATHS.identity, [activationCookie(sealed)]);
  } catch (error) {
    const refusal = toAppError(error);
    if (refusal.code === "INTERNAL") throw error;
    // Back to the same notice (of the same identity kind), saying what to do.
    const query = refusalQuery(refusal);
    if (form.kind && /^[a-z0-9_-]{1,32}$/.test(form.kind)) query.set("kind", form.kind);
    return redirectTo(`/activate?${query.toString()}`);
  }
});
