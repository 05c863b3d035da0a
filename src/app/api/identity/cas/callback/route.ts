// The CAS service URL: GET with the school's ticket (the sign-in), POST with its single-logout request.
import { identityAnswer } from "~/server/http/identity-answer";
import { schoolRoute } from "~/server/http/route-scope";
import { singleLogoutRoute } from "~/server/http/single-logout-route";
import { finishCasLogin } from "~/server/identity/http/callbacks";

export const dynamic = "force-dynamic";

export const GET = schoolRoute({ component: "cas", refusal: "text" }, async ({ request, scope, host }) => {
  const answer = await finishCasLogin(scope, { host, params: new URL(request.url).searchParams, headers: request.headers });
  return identityAnswer(answer, scope.locale);
});

export const POST = singleLogoutRoute;
