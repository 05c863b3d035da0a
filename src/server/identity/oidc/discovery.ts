// OpenID Provider discovery (OIDC Discovery 1.0 §4; reference §4.1), fetched by
// our server through the guarded client: the document's issuer must equal the
// configured issuer exactly (§4.3), the provider must offer the code flow with
// S256, and every endpoint it names is held to the same rules as the issuer
// itself (an admin-typed issuer must not be able to name an internal token
// endpoint). Cached per issuer for ten minutes; a failure is never cached.
import { z } from "zod";
import { OutboundError, schoolRequest } from "../outbound/guarded-request";
import { privateOrigins, type PrivateOrigins } from "../outbound/private-origins";
import { parseSchoolUrl } from "../outbound/school-url";

const discoverySchema = z.object({
  issuer: z.string().max(300),
  authorization_endpoint: z.string().max(2048),
  token_endpoint: z.string().max(2048),
  jwks_uri: z.string().max(2048),
  userinfo_endpoint: z.string().max(2048).optional(),
  end_session_endpoint: z.string().max(2048).optional(),
  response_types_supported: z.array(z.string()).max(50).optional(),
  /** Absent: query and fragment only (OIDC Discovery §3); form_post must be listed (Form Post Response Mode §5). */
  response_modes_supported: z.array(z.string()).max(20).optional(),
  code_challenge_methods_supported: z.array(z.string()).max(20).optional(),
  id_token_signing_alg_values_supported: z.array(z.string()).max(30).optional(),
  token_endpoint_auth_methods_supported: z.array(z.string()).max(20).optional(),
  authorization_response_iss_parameter_supported: z.boolean().optional(),
});
export type Discovery = z.infer<typeof discoverySchema>;

export type DiscoveryProblem = "unreachable" | "not_json" | "issuer_mismatch" | "endpoint_not_allowed" | "no_code_flow" | "no_s256";

export class DiscoveryError extends Error {
  constructor(
    readonly problem: DiscoveryProblem,
    readonly detail: OutboundError | null = null,
  ) {
    super(`OIDC discovery failed: ${problem}`);
    this.name = "DiscoveryError";
  }
}

const TTL_MS = 10 * 60_000;
const cache = new Map<string, { at: number; discovery: Discovery }>();

/**
 * Whether the provider's endpoint may be called: held to the issuer's rules (https to a public name,
 * or an origin on the operator's list as it stands in `listed`).
 */
export function endpointAllowed(endpoint: string, listed: PrivateOrigins): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  // Endpoints may carry a query (some providers put a tenant there); the rest of the rules are the issuer's.
  return parseSchoolUrl(`${url.origin}${url.pathname}`, listed).ok;
}

export async function discover(issuer: string, options: { fresh?: boolean } = {}): Promise<Discovery> {
  const cached = cache.get(issuer);
  if (cached && !options.fresh && Date.now() - cached.at < TTL_MS) return cached.discovery;
  let body: string;
  try {
    // §4.1: the issuer with any trailing "/" removed, then /.well-known/openid-configuration.
    const answer = await schoolRequest(new URL(`${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`), {
      headers: { accept: "application/json" },
    });
    if (answer.status !== 200) throw new DiscoveryError("unreachable");
    body = answer.body;
  } catch (error) {
    if (error instanceof OutboundError) throw new DiscoveryError("unreachable", error);
    throw error;
  }
  let parsed: Discovery;
  try {
    parsed = discoverySchema.parse(JSON.parse(body));
  } catch {
    throw new DiscoveryError("not_json");
  }
  if (parsed.issuer !== issuer) throw new DiscoveryError("issuer_mismatch");
  const endpoints = [
    parsed.authorization_endpoint,
    parsed.token_endpoint,
    parsed.jwks_uri,
    parsed.userinfo_endpoint,
    parsed.end_session_endpoint,
  ];
  const listed = await privateOrigins();
  if (!endpoints.every((e) => e === undefined || endpointAllowed(e, listed))) throw new DiscoveryError("endpoint_not_allowed");
  if (parsed.response_types_supported && !parsed.response_types_supported.includes("code")) throw new DiscoveryError("no_code_flow");
  // PKCE with S256 (RFC 7636 §4.2); a provider that lists methods without it would take our challenge as plain or refuse it.
  if (parsed.code_challenge_methods_supported && !parsed.code_challenge_methods_supported.includes("S256"))
    throw new DiscoveryError("no_s256");
  cache.set(issuer, { at: Date.now(), discovery: parsed });
  return parsed;
}

/** For tests and the connection test: forget what was cached. */
export function forgetDiscovery(issuer?: string): void {
  if (issuer) cache.delete(issuer);
  else cache.clear();
}
