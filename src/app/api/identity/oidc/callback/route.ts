// The OIDC redirect URI: the school's provider sends the browser back here with the code.
import { identityAnswer } from "~/server/http/identity-answer";
import { schoolRoute } from "~/server/http/route-scope";
import { finishOidcLogin } from "~/server/identity/http/callbacks";

export const dynamic = "force-dynamic";

export const GET = schoolRoute({ component: "oidc", refusal: "text" }, async ({ request, scope, host }) => {
  const answer = await finishOidcLogin(scope, { host, params: new URL(request.url).searchParams, headers: request.headers });
  return identityAnswer(answer, scope.locale);
});
