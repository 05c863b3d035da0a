// The authorization request (OIDC Core §3.1.2.1, RFC 7636; reference §4.2):
// code flow with a fresh state (CSRF), nonce (binds the id_token) and PKCE
// verifier (S256, never plain), each from the CSPRNG, kept in the login-state
// cookie until the callback. The redirect URI is built from the school's
// origin (tenants/public-origin.ts), exactly as the school registered it.
import { createHash, randomBytes } from "node:crypto";
import type { Discovery } from "./discovery";

export const OIDC_CALLBACK_PATH = "/api/identity/oidc/callback";

export const oidcRedirectUri = (origin: string): string => `${origin}${OIDC_CALLBACK_PATH}`;

const random = (bytes: number) => randomBytes(bytes).toString("base64url");

export function newAuthorization() {
  const verifier = random(32); // 43 characters of the unreserved set (RFC 7636 §4.1)
  return {
    state: random(24),
    nonce: random(24),
    verifier,
    challenge: createHash("sha256").update(verifier, "ascii").digest("base64url"),
  };
}

export function authorizationUrl(
  discovery: Discovery,
  options: { clientId: string; redirectUri: string; state: string; nonce: string; challenge: string; renew: boolean; formPost: boolean },
): URL {
  const url = new URL(discovery.authorization_endpoint);
  const params = {
    response_type: "code",
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: "openid profile",
    state: options.state,
    nonce: options.nonce,
    code_challenge: options.challenge,
    code_challenge_method: "S256",
    // The answer as a form post (response-mode.ts); without it, on the query (the code flow's default).
    ...(options.formPost ? { response_mode: "form_post" } : {}),
    // After 【不是我，换个账号】: the provider must ask for credentials, whatever session it kept (OIDC Core §3.1.2.1 prompt).
    ...(options.renew ? { prompt: "login", max_age: "0" } : {}),
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}
