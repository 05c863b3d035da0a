// What the OIDC simulator is told: the relying parties (a school's tenant each) and the accounts
// that can sign in. Checked here with zod; oidc-provider checks client metadata once more itself.
import type { ClientMetadata } from "oidc-provider";
import { z } from "zod";

/** Scopes and the claims each releases (OIDC Core §5.4), plus `campus` for what a school's directory knows. */
export const CLAIMS_BY_SCOPE = {
  openid: ["sub"],
  profile: ["name", "preferred_username", "nickname", "given_name", "family_name", "locale", "zoneinfo", "updated_at"],
  email: ["email", "email_verified"],
  phone: ["phone_number", "phone_number_verified"],
  /** Not a standard scope: a school's provider releases such claims under a name of its own. */
  campus: ["identity_kind", "person_type", "department"],
} as const;

const releasable = new Set<string>(Object.values(CLAIMS_BY_SCOPE).flat());

export const accountInput = z.strictObject({
  /** The subject: what the id_token's `sub` says (the product keys users on issuer + sub). */
  sub: z.string().min(1).max(255),
  /** What the user types as 用户名, released as `preferred_username`. */
  account: z.string().min(1).max(64),
  password: z.string().min(1).max(128),
  name: z.string().min(1).max(128),
  email: z.email().optional(),
  /** Further claims, by the names of CLAIMS_BY_SCOPE (e.g. identity_kind, department, phone_number). */
  claims: z
    .record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean(), z.number()]))
    .refine((claims) => Object.keys(claims).every((name) => releasable.has(name)), {
      message: `claim names must be among: ${[...releasable].join(", ")}`,
    })
    .default({}),
});
export type OidcAccount = z.output<typeof accountInput>;

const uri = z.url({ protocol: /^https?$/ });

export const clientInput = z.strictObject({
  client_id: z.string().regex(/^[A-Za-z0-9._~-]{1,128}$/),
  /** Absent: a public client (token_endpoint_auth_method "none"), which must use PKCE anyway. */
  client_secret: z.string().min(16).max(256).optional(),
  redirect_uris: z.array(uri).min(1).max(20),
  post_logout_redirect_uris: z.array(uri).max(20).default([]),
  /** Shown on the login page: the school's name. */
  client_name: z.string().max(64).optional(),
  /** How a confidential client authenticates at the token endpoint; client_secret_basic by default (RFC 6749 §2.3.1). */
  token_endpoint_auth_method: z.enum(["client_secret_basic", "client_secret_post"]).optional(),
});
export type OidcClient = z.output<typeof clientInput>;

/** The metadata oidc-provider registers for a client: authorization code only (no implicit, no refresh tokens). */
export function clientMetadata(client: OidcClient): ClientMetadata {
  return {
    client_id: client.client_id,
    ...(client.client_secret
      ? { client_secret: client.client_secret, token_endpoint_auth_method: client.token_endpoint_auth_method ?? "client_secret_basic" }
      : { token_endpoint_auth_method: "none" as const }),
    redirect_uris: client.redirect_uris,
    post_logout_redirect_uris: client.post_logout_redirect_uris,
    grant_types: ["authorization_code"],
    response_types: ["code"],
    ...(client.client_name ? { client_name: client.client_name } : {}),
  };
}

export function accountClaims(account: OidcAccount): Record<string, unknown> {
  return {
    sub: account.sub,
    preferred_username: account.account,
    name: account.name,
    ...(account.email ? { email: account.email, email_verified: true } : {}),
    ...account.claims,
  };
}
