// Where the browser goes to end the person's session at the school's server
// too, so that 【不是我，换个账号】 really asks for an account again instead of
// the school's single sign-on signing the same person straight back in (the
// XAU and IMUT manuals tell students to clear WeChat's cache for exactly that).
// Each protocol says where (its `logout`: CAS /logout, OIDC end_session); null
// when the school's server offers no logout.
import type { IdentityProviderKind } from "~/generated/prisma/client";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { DiscoveryError } from "./oidc/discovery";
import { protocolOf } from "./protocols";

export async function providerLogoutUrl(
  scope: TenantScope,
  session: { protocol: IdentityProviderKind; idToken: string | null },
  origin: string,
): Promise<URL | null> {
  const protocol = protocolOf(session.protocol);
  if (!protocol.logout) return null;
  try {
    return await protocol.logout(scope, { idToken: session.idToken }, origin);
  } catch (error) {
    // The school's settings changed or its provider is down: the session here still ends, and the next login asks again (renew).
    if (!(error instanceof DiscoveryError) && !(error instanceof AppError)) throw error;
    scope.log.warn({ err: error }, "no logout at the school's server");
    return null;
  }
}
