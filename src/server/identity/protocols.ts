// The protocols a school may sign its members in with, in one list (protocol.ts says what a
// protocol declares). Adding one is a folder beside cas/ and oidc/, a line here, its settings'
// shape in identityProviderSettingsInput (settings.ts), its callback route, and its words
// (docs/identity.md, "Adding a protocol").
import type { IdentityProviderKind } from "~/generated/prisma/client";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { builtinProtocol, type BuiltinProof } from "./builtin/protocol";
import { casProtocol, type CasProof } from "./cas/protocol";
import { schoolUsesProvider } from "./kind-provider";
import { oidcProtocol, type OidcProof } from "./oidc/protocol";
import type { IdentityProtocol } from "./protocol";

/** Each protocol by its kind; what its `finish` takes is its own. */
type ProofOf = { BUILTIN: BuiltinProof; CAS: CasProof; OIDC: OidcProof };

const BY_KIND = {
  BUILTIN: builtinProtocol,
  CAS: casProtocol,
  OIDC: oidcProtocol,
} as const satisfies Record<IdentityProviderKind, { kind: IdentityProviderKind }>;

/** A protocol as the shared flow handles it: its own input, pending values and proof unknown (its schemas check them). */
export type AnyProtocol = IdentityProtocol<unknown, unknown, unknown>;

/** In the order the settings form and 【测试连接】 show them. */
export const IDENTITY_PROTOCOLS: readonly AnyProtocol[] = Object.values(BY_KIND);

export const PROTOCOL_KINDS = Object.keys(BY_KIND) as [IdentityProviderKind, ...IdentityProviderKind[]];

export const protocolOf = (kind: IdentityProviderKind): AnyProtocol => BY_KIND[kind];

/** Refuses a protocol the school signs nobody in with (neither itself nor any of its identity kinds). */
export async function ensureSchoolUses(scope: TenantScope, kind: IdentityProviderKind): Promise<void> {
  if (!(await schoolUsesProvider(scope, kind))) {
    throw new AppError(kind === "BUILTIN" ? "LOGIN_NOT_BUILTIN" : "SSO_NOT_CONFIGURED", { school: scope.tenant.name });
  }
}

/** The protocol of `kind`, when the school signs someone in with it. */
export async function identityProtocolOf<K extends IdentityProviderKind>(
  scope: TenantScope,
  kind: K,
): Promise<IdentityProtocol<unknown, unknown, ProofOf[K]>> {
  await ensureSchoolUses(scope, kind);
  return BY_KIND[kind] as IdentityProtocol<unknown, unknown, ProofOf[K]>;
}
