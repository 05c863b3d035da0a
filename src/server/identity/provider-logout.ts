// Where the browser goes to end the person's session at the school's server
// too, so that 【不是我，换个账号】 really asks for an account again instead of
// the school's single sign-on signing the same person straight back in (the
// XAU and IMUT manuals tell students to clear WeChat's cache for exactly that).
// CAS: {base}/logout?service=<our login page> (CAS 3.0 §2.3); OIDC: the
// end_session_endpoint with id_token_hint and post_logout_redirect_uri
// (RP-Initiated Logout §2). Null when the school's server offers no logout.
import type { TenantScope } from "~/server/scope";
import { casLogoutUrl } from "./cas/urls";
import { discover, DiscoveryError } from "./oidc/discovery";
import { endSessionUrl } from "./oidc/logout";
import { casSettings, checkedSchoolUrl, oidcSettings } from "./settings";

/** The school's login page on this origin: where the school's server sends the browser after its logout. */
export const loginPageUrl = (origin: string) => `${origin}/login`;

export async function providerLogoutUrl(
  scope: TenantScope,
  session: { protocol: "CAS" | "OIDC" | "BUILTIN"; idToken: string | null },
  origin: string,
): Promise<URL | null> {
  try {
    if (session.protocol === "CAS") {
      const settings = await casSettings(scope);
      return casLogoutUrl(checkedSchoolUrl(settings.baseUrl, "cas", "casBaseUrl"), loginPageUrl(origin));
    }
    if (session.protocol === "OIDC") {
      const settings = await oidcSettings(scope);
      const discovery = await discover(checkedSchoolUrl(settings.issuer, "oidc", "oidcIssuer"));
      return endSessionUrl(discovery, {
        idTokenHint: session.idToken,
        clientId: settings.clientId,
        postLogoutRedirectUri: loginPageUrl(origin),
      });
    }
  } catch (error) {
    // The school's settings changed or its provider is down: the session here still ends, and the next login asks again (renew).
    if (!(error instanceof DiscoveryError) && !(error instanceof Error && error.name === "AppError")) throw error;
    scope.log.warn({ err: error }, "no logout at the school's server");
  }
  return null;
}
