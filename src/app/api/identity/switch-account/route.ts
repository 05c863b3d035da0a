// 【不是我，换个账号】: ends the session here and at the school's server (src/server/identity/http/switch-account.ts).
// Same-origin only: schoolRoute refuses another site's post before anything else.
import { readSessionClaims } from "~/server/auth/session";
import { identityAnswer } from "~/server/http/identity-answer";
import { readBodyCapped } from "~/server/http/read-body";
import { schoolRoute } from "~/server/http/route-scope";
import { switchAccount } from "~/server/identity/http/switch-account";

export const dynamic = "force-dynamic";

export const POST = schoolRoute({ component: "switch-account", refusal: "text" }, async ({ request, scope, host }) => {
  await readBodyCapped(request, 4 * 1024);
  const answer = await switchAccount(scope, { claims: await readSessionClaims(request.headers), host });
  return identityAnswer(answer, scope.locale);
});
