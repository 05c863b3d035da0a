// What a session token carries. The account is re-read from the database on
// every request (see session.ts), so a token is only a pointer, never trusted
// for roles or state.
import { z } from "zod";

export const ACCOUNT_KINDS = ["member", "tenantAdmin", "vendor"] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const sessionClaimsSchema = z.object({
  sub: z.string().uuid(),
  kind: z.enum(ACCOUNT_KINDS),
  /** Null for the vendor. */
  tenantId: z.string().uuid().nullable(),
  /** The host the session was made on: a session is valid on that host only. */
  host: z.string(),
  /** Bumped to end every session of an account at once. */
  ver: z.number().int(),
  /** A member session the school's CAS or OIDC server vouched for: its SsoSession row (identity/sso-sessions.ts). */
  sso: z.string().uuid().optional(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;
