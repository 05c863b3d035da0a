// Who the school says a person is (统一身份认证), apart from sessions: one
// provider per kind behind one interface. `start` says how the person proves
// it — a form of ours, or a redirect to the school's own server — and `finish`
// turns the proof into the member of this school's directory. What a session
// is, and how one is made from the member, is src/server/auth's business.
import type { IdentityProviderKind } from "~/generated/prisma/client";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { builtinProvider, type BuiltinProof } from "./builtin";

/** How the person proves who they are. */
export type IdentityStart = { kind: "form" } | { kind: "redirect"; url: string };

/** The member the school vouched for, as sessions need it. */
export type IdentifiedMember = { id: string; account: string; sessionVersion: number };

export type IdentityProvider<Proof> = {
  kind: IdentityProviderKind;
  start(scope: TenantScope, request: { returnTo: string }): Promise<IdentityStart>;
  finish(scope: TenantScope, proof: Proof): Promise<IdentifiedMember>;
};

/** What each kind's `finish` takes. CAS (a service ticket) and OIDC (an authorization code) join here. */
export type ProofOf = { BUILTIN: BuiltinProof };

const PROVIDERS: { [K in keyof ProofOf]: IdentityProvider<ProofOf[K]> } = { BUILTIN: builtinProvider };

/** The provider the school signs its members in with (IdentityProviderSettings.kind). */
export function identityProviderOf<K extends keyof ProofOf>(scope: TenantScope, kind: K): IdentityProvider<ProofOf[K]> {
  if (scope.tenant.idpKind !== kind) throw new AppError("LOGIN_NOT_BUILTIN");
  return PROVIDERS[kind];
}
