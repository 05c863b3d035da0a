// GET /api/identity/start?kind=&returnTo= — 【统一身份认证登录】: one tap from our
// login page to the school's own login page. The identity kind chooses the
// provider (its providerKind, else the school's); a built-in kind goes to our
// form instead. A GET, since it changes nothing but this browser's pending
// login (a cookie of this host), and a link works in WeChat without script.
import { db } from "~/server/db/client";
import { toAppError } from "~/server/errors";
import { localPath } from "~/server/http/local-path";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { providerForKindCode } from "../kind-provider";
import { clearLoginOutcomeCookie, loginOutcomeCookie } from "../login-outcome";
import { loginStateCookie, renewRequested } from "../login-state";
import { identityProviderOf } from "../provider";
import { ssoStartLimit } from "./limits";
import { plainText, redirectTo, schoolOfRequest } from "./school-of-request";

/** Our login page for the kind, where a refusal is explained. */
export function loginPagePath(kind: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...(kind ? { kind } : {}), ...extra });
  const query = params.toString();
  return `/login${query ? `?${query}` : ""}`;
}

const kindCode = (value: string | null) => (value && /^[a-z0-9_-]{1,32}$/.test(value) ? value : null);

export async function startLogin(request: Request): Promise<Response> {
  const school = await schoolOfRequest(request, "identity-start");
  if (!school) return plainText("unknown school", 404);
  const { scope, host, origin } = school;
  const params = new URL(request.url).searchParams;
  const kind = kindCode(params.get("kind"));
  // Only ever a path of this site (reference §3.8): never into the service URL, never off-site.
  const returnTo = localPath(params.get("returnTo")) ?? "/me";
  try {
    await enforceRateLimit(db(), ssoStartLimit(scope.tenant.id, scope.actor.ip));
    const { provider: kindOfProvider } = await providerForKindCode(scope, kind);
    if (kindOfProvider === "BUILTIN") return redirectTo(loginPagePath(kind, { returnTo }));
    const provider = await identityProviderOf(scope, kindOfProvider);
    const renew = renewRequested(request.headers);
    const started = await provider.start(scope, { returnTo, origin, renew });
    if (started.kind === "form") return redirectTo(loginPagePath(kind, { returnTo }));
    scope.log.info({ protocol: started.pending.protocol, renew }, "sign-in sent to the school's server");
    return redirectTo(
      started.url,
      [loginStateCookie({ tenantId: scope.tenant.id, host, kind, returnTo, renew, pending: started.pending }), clearLoginOutcomeCookie()],
      302,
    );
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") scope.log.error({ err: error }, "sign-in could not start");
    return redirectTo(loginPagePath(kind, { sso: "failed" }), [loginOutcomeCookie(scope.tenant.id, appError)]);
  }
}
