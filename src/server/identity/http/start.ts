// GET /api/identity/start?kind=&returnTo= — 【统一身份认证登录】: one tap from our
// login page to the school's own login page. The identity kind chooses the
// provider (its providerKind, else the school's); a built-in kind goes to our
// form instead. A GET, since it changes nothing but this browser's pending
// login (a cookie of this host), and a link works in WeChat without script.
import { toAppError } from "~/server/errors";
import { localPath } from "~/server/http/local-path";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { tenantOrigin } from "~/server/tenants/public-origin";
import { providerForKindCode } from "../kind-provider";
import { clearLoginOutcomeCookie, loginOutcomeCookie } from "../login-outcome";
import { loginStateCookie } from "../login-state";
import { identityProtocolOf } from "../protocols";
import { redirect, type LoginRedirect } from "./answer";
import { ssoStartLimit } from "./limits";

/** Our login page for the kind, where a refusal is explained. */
export function loginPagePath(kind: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...(kind ? { kind } : {}), ...extra });
  const query = params.toString();
  return `/login${query ? `?${query}` : ""}`;
}

const kindCode = (value: string | null) => (value && /^[a-z0-9_-]{1,32}$/.test(value) ? value : null);

/**
 * Where the browser goes to sign in: the school's server (with this browser's pending login in a
 * cookie), our own form for a built-in kind, or our login page with the reason it could not start.
 * `renew`: the member asked for another account (【不是我，换个账号】), so the school asks for credentials again.
 */
export async function startLogin(
  scope: TenantScope,
  input: { host: string; kind: string | null; returnTo: string | null; renew: boolean },
): Promise<LoginRedirect> {
  const kind = kindCode(input.kind);
  // Only ever a path of this site (reference §3.8): never into the service URL, never off-site.
  const returnTo = localPath(input.returnTo) ?? "/me";
  const { host, renew } = input;
  try {
    await enforceRateLimit(unscopedClient(scope), ssoStartLimit(scope.tenant.id, scope.actor.ip));
    const { provider: kindOfProvider } = await providerForKindCode(scope, kind);
    if (kindOfProvider === "BUILTIN") return redirect(loginPagePath(kind, { returnTo }));
    const protocol = await identityProtocolOf(scope, kindOfProvider);
    const started = await protocol.start(scope, { returnTo, origin: await tenantOrigin(scope, host), renew });
    if (started.kind === "form") return redirect(loginPagePath(kind, { returnTo }));
    scope.log.info({ protocol: started.pending.protocol, renew }, "sign-in sent to the school's server");
    return redirect(
      started.url,
      [loginStateCookie({ tenantId: scope.tenant.id, host, kind, returnTo, renew, pending: started.pending }), clearLoginOutcomeCookie()],
      302,
    );
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") scope.log.error({ err: error }, "sign-in could not start");
    return redirect(loginPagePath(kind, { sso: "failed" }), [loginOutcomeCookie(scope.tenant.id, appError)]);
  }
}
