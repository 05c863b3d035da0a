// Which provider signs in which identity kind: a kind's own providerKind, or
// the school's (IdentityProviderSettings.kind) when it has none. A school may
// admit 在校师生 through its CAS and 考生 through the built-in directory; the
// provider that vouches for a person must be their kind's, or one directory's
// account could be claimed through another's login (the same K2026… number at
// the school's CAS and in our candidate list need not be the same person).
import type { IdentityProviderKind } from "~/generated/prisma/client";
import type { TenantScope } from "~/server/scope";

/** The identity kind by its code (?kind=candidate), with the provider it signs in with; the school's default for no or an unknown code. */
export async function providerForKindCode(
  scope: TenantScope,
  code: string | null,
): Promise<{ provider: IdentityProviderKind; kind: { id: string; code: string; nameZh: string; nameEn: string } | null }> {
  const kind = code
    ? await scope.db.identityKind.findFirst({
        where: { code },
        select: { id: true, code: true, nameZh: true, nameEn: true, providerKind: true },
      })
    : null;
  if (!kind) return { provider: scope.tenant.idpKind, kind: null };
  const { providerKind, ...rest } = kind;
  return { provider: providerKind ?? scope.tenant.idpKind, kind: rest };
}

/** Whether any of the school's members signs in with `provider` (the school's own, or some kind's). */
export async function schoolUsesProvider(scope: TenantScope, provider: IdentityProviderKind): Promise<boolean> {
  if (scope.tenant.idpKind === provider) return true;
  return (await scope.db.identityKind.count({ where: { providerKind: provider } })) > 0;
}

export const effectiveProvider = (tenant: TenantScope["tenant"], providerKind: IdentityProviderKind | null): IdentityProviderKind =>
  providerKind ?? tenant.idpKind;

/** Whether settings about to be saved sign anyone in with `provider`: the school's own, or some kind's as the form sets it. */
export function schoolUsesProviderIn(
  provider: IdentityProviderKind,
  input: { kind: IdentityProviderKind; kindProviders: readonly { providerKind: IdentityProviderKind | null }[] },
): boolean {
  return input.kind === provider || input.kindProviders.some((k) => k.providerKind === provider);
}
