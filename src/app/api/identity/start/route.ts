// 【统一身份认证登录】: to the school's CAS or OIDC login page (src/server/identity/http/start.ts).
import { identityAnswer } from "~/server/http/identity-answer";
import { schoolRoute } from "~/server/http/route-scope";
import { startLogin } from "~/server/identity/http/start";
import { renewRequested } from "~/server/identity/login-state";

export const dynamic = "force-dynamic";

export const GET = schoolRoute({ component: "identity-start", refusal: "text" }, async ({ request, scope, host }) => {
  const params = new URL(request.url).searchParams;
  const input = { host, kind: params.get("kind"), returnTo: params.get("returnTo"), renew: renewRequested(request.headers) };
  return identityAnswer(await startLogin(scope, input), scope.locale);
});
