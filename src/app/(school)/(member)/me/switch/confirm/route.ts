// POST /me/switch/confirm — 切换身份's 【确认切换】 (me/switch/page.tsx): a plain HTML form post naming the
// chosen entry, so it works in WeChat's in-app browser with the page's scripts blocked. Same-origin only
// (memberRoute refuses another site's post first). The domain function decides (bindings/switch-identity.ts).
// Where the chosen identity signs in here, this browser's session becomes its own and the member goes on
// to follow as it; where it signs in at the school's CAS or OIDC, the session ends and the member signs
// in there as that identity (only the school vouches for its accounts), then follows. Every answer is a 303.
import { issueSessionCookie, clearSessionCookie } from "~/server/auth/issue-session";
import { switchIdentity, switchIdentityInput } from "~/server/bindings/switch-identity";
import { AppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { readFormCapped } from "~/server/http/read-body";
import { memberRoute } from "~/server/http/route-scope";
import { renewCookie } from "~/server/identity/login-state";
import { JOURNEY_PATHS, loginPath } from "~/server/journey/journey-paths";

export const dynamic = "force-dynamic";

export const POST = memberRoute(
  {
    component: "switch-identity",
    refusal: (error) => redirectTo(error.code === "UNAUTHENTICATED" ? "/login" : `/me/switch?error=${error.code}`),
  },
  async ({ request, scope, host }) => {
    // The form carries one entry's id; a body past this is not our page's.
    const parsed = switchIdentityInput.safeParse(await readFormCapped(request, 1024));
    if (!parsed.success) throw new AppError("INVALID_INPUT");
    const outcome = await switchIdentity(scope, parsed.data);
    // With the phone moved the chosen identity follows next; with nothing bound, it binds first.
    const next = outcome.moved ? JOURNEY_PATHS.follow : JOURNEY_PATHS.bind;
    if (!outcome.sessionHere) return redirectTo(loginPath(outcome.to.kindCode, next), [clearSessionCookie(), renewCookie(true)]);
    const session = await issueSessionCookie({
      sub: outcome.to.id,
      kind: "member",
      tenantId: scope.tenant.id,
      host,
      ver: outcome.to.sessionVersion,
    });
    return redirectTo(next, [session]);
  },
);
