// The settings form as the identity procedures take it: the same fields on the
// school's page and the vendor's, each identity kind's provider as `kind:<id>`
// ("" = the school's). The procedures' schema validates every value.
import type { IdentityProviderSettingsInput } from "./settings";

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};

export function identitySettingsFromForm(form: FormData): IdentityProviderSettingsInput {
  const kindProviders = [...form.keys()]
    .filter((key) => key.startsWith("kind:"))
    .map((key) => ({ identityKindId: key.slice(5), providerKind: (text(form, key) || null) as "BUILTIN" | "CAS" | "OIDC" | null }));
  return {
    kind: text(form, "kind") as IdentityProviderSettingsInput["kind"],
    casBaseUrl: text(form, "casBaseUrl"),
    casVersion: text(form, "casVersion") as "CAS2" | "CAS3",
    oidcIssuer: text(form, "oidcIssuer"),
    oidcClientId: text(form, "oidcClientId"),
    oidcClientSecret: text(form, "oidcClientSecret"),
    accountAttribute: text(form, "accountAttribute"),
    kindProviders,
  };
}
