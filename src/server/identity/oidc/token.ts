// The token request (OIDC Core §3.1.3.1; reference §4.4): the code, the same
// redirect URI and the PKCE verifier, with the client authenticated by HTTP
// Basic (client_secret_basic, the default of RFC 6749 §2.3.1) or, when the
// provider offers only that, in the body (client_secret_post). The answer is
// parsed with a schema and capped; the provider's error text is never shown.
import { z } from "zod";
import { OutboundError, schoolRequest } from "../outbound/guarded-request";
import type { Discovery } from "./discovery";

const tokenSchema = z.object({
  id_token: z.string().min(1).max(16_384),
  access_token: z.string().max(16_384).optional(),
  token_type: z.string().max(64).optional(),
});

export type TokenProblem = "unreachable" | "refused" | "malformed";

export class TokenError extends Error {
  constructor(
    readonly problem: TokenProblem,
    /** The provider's error code (invalid_grant …), when it gave one of the RFC's shape. */
    readonly oauthError: string | null = null,
  ) {
    super(`token request failed: ${problem}`);
    this.name = "TokenError";
  }
}

const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");

export async function exchangeCode(
  discovery: Discovery,
  options: { clientId: string; clientSecret: string | null; code: string; redirectUri: string; verifier: string },
): Promise<z.infer<typeof tokenSchema>> {
  const form = new URLSearchParams({
    grant_type: "authorization_code",
    code: options.code,
    redirect_uri: options.redirectUri,
    code_verifier: options.verifier,
  });
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
  const methods = discovery.token_endpoint_auth_methods_supported ?? ["client_secret_basic"];
  if (options.clientSecret === null) form.set("client_id", options.clientId);
  else if (!methods.includes("client_secret_basic") && methods.includes("client_secret_post")) {
    form.set("client_id", options.clientId);
    form.set("client_secret", options.clientSecret);
  } else {
    // RFC 6749 §2.3.1: each part form-encoded before Basic.
    headers.authorization = `Basic ${Buffer.from(`${formEncode(options.clientId)}:${formEncode(options.clientSecret)}`).toString("base64")}`;
  }
  let answer;
  try {
    answer = await schoolRequest(new URL(discovery.token_endpoint), { method: "POST", headers, body: form.toString() });
  } catch (error) {
    if (error instanceof OutboundError) throw new TokenError("unreachable");
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    throw new TokenError("malformed");
  }
  if (answer.status !== 200) {
    const code = z.object({ error: z.string().regex(/^[a-z_]{1,64}$/) }).safeParse(json);
    throw new TokenError("refused", code.success ? code.data.error : null);
  }
  const parsed = tokenSchema.safeParse(json);
  if (!parsed.success) throw new TokenError("malformed");
  return parsed.data;
}
