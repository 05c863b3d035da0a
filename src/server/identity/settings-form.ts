// The settings form as the identity procedures take it: the same fields on the school's page and
// the vendor's — the shared ones and each protocol's (protocol.ts SettingsField, by name) — and
// each identity kind's provider as `kind:<id>` ("" = the school's). The procedures' schema
// validates every value and drops what it does not know.
import type { IdentityProviderKind } from "~/generated/prisma/client";
import type { IdentityProviderSettingsInput } from "./settings";

export function identitySettingsFromForm(form: FormData): IdentityProviderSettingsInput {
  const fields: Record<string, string> = {};
  const kindProviders: { identityKindId: string; providerKind: IdentityProviderKind | null }[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key in fields) continue;
    if (key.startsWith("kind:"))
      kindProviders.push({ identityKindId: key.slice(5), providerKind: (value || null) as IdentityProviderKind | null });
    else fields[key] = value;
  }
  return { ...fields, kindProviders } as IdentityProviderSettingsInput;
}
