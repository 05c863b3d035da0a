// Who the school says a person is (统一身份认证), apart from sessions: one
// provider per kind behind one interface. `start` says how the person proves
// it — a form of ours, or a redirect to the school's own server with what the
// callback must remember — and `finish` turns the proof into the member of
// this school's directory. What a session is, and how one is made from the
// member, is src/server/auth's business.
import type { IdentityProviderKind } from "~/generated/prisma/client";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { builtinProvider, type BuiltinProof } from "./builtin";
import { casProvider, type CasProof } from "./cas/provider";
import { schoolUsesProvider } from "./kind-provider";
import type { PendingLogin } from "./login-state";
import { oidcProvider, type OidcProof } from "./oidc/provider";
import type { SsoProof } from "./sso-sessions";

/** How the person proves who they are. */
export type IdentityStart = { kind: "form" } | { kind: "redirect"; url: string; pending: PendingLogin };

export type StartRequest = {
  returnTo: string;
  /** The school's origin for the member's host (tenants/public-origin.ts): the service URL and redirect URI are built on it. */
  origin: string;
  /** Ask the school's server for credentials again, past its single sign-on (after 【不是我，换个账号】). */
  renew: boolean;
};

/** The member the school vouched for, as sessions need it; `sso` when the school's own server did. */
export type IdentifiedMember = { id: string; account: string; sessionVersion: number; sso?: SsoProof };

export type IdentityProvider<Proof> = {
  kind: IdentityProviderKind;
  start(scope: TenantScope, request: StartRequest): Promise<IdentityStart>;
  finish(scope: TenantScope, proof: Proof): Promise<IdentifiedMember>;
};

/** What each kind's `finish` takes: a password, a service ticket, an authorization code. */
export type ProofOf = { BUILTIN: BuiltinProof; CAS: CasProof; OIDC: OidcProof };

const PROVIDERS: { [K in keyof ProofOf]: IdentityProvider<ProofOf[K]> } = {
  BUILTIN: builtinProvider,
  CAS: casProvider,
  OIDC: oidcProvider,
};

/** The provider of `kind`, when the school signs someone in with it (itself, or one of its identity kinds). */
export async function identityProviderOf<K extends keyof ProofOf>(scope: TenantScope, kind: K): Promise<IdentityProvider<ProofOf[K]>> {
  if (!(await schoolUsesProvider(scope, kind))) {
    throw new AppError(kind === "BUILTIN" ? "LOGIN_NOT_BUILTIN" : "SSO_NOT_CONFIGURED", { school: scope.tenant.name });
  }
  return PROVIDERS[kind];
}
