// The id_token check of OIDC Core 1.0 §3.1.3.7 (reference §4.5), with jose:
// the signature by a key of the provider's JWKS, with an algorithm from an
// allowlist (never `none`, never HS* — no shared secret was agreed), `iss`
// exactly the issuer, `aud` containing our client id (and `azp` ours when
// there are several audiences), `exp` in the future and `iat` recent (60 s of
// clock skew allowed), and `nonce` the one this login sent.
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";

const ASYMMETRIC = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

export type IdTokenProblem = "signature" | "issuer" | "audience" | "expired" | "nonce" | "malformed" | "azp" | "not_reauthenticated";

export class IdTokenRejected extends Error {
  constructor(readonly problem: IdTokenProblem) {
    super(`id_token rejected: ${problem}`);
    this.name = "IdTokenRejected";
  }
}

export async function verifyIdToken(
  idToken: string,
  expected: {
    issuer: string;
    clientId: string;
    nonce: string;
    keys: JWTVerifyGetKey;
    algorithms?: string[];
    now?: Date;
    /** When the login asked for fresh credentials (max_age=0): the person must have authenticated since (seconds). */
    authenticatedSince?: number;
  },
): Promise<JWTPayload & { sub: string }> {
  const offered = expected.algorithms?.filter((alg) => ASYMMETRIC.includes(alg)) ?? [];
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, expected.keys, {
      issuer: expected.issuer,
      audience: expected.clientId,
      algorithms: offered.length > 0 ? offered : ["RS256"],
      clockTolerance: 60,
      maxTokenAge: "15 minutes",
      requiredClaims: ["iss", "sub", "aud", "exp", "iat"],
      ...(expected.now ? { currentDate: expected.now } : {}),
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new IdTokenRejected("expired");
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === "iss") throw new IdTokenRejected("issuer");
      if (error.claim === "aud") throw new IdTokenRejected("audience");
      if (error.claim === "iat" || error.claim === "exp" || error.claim === "nbf") throw new IdTokenRejected("expired");
      throw new IdTokenRejected("malformed");
    }
    if (
      error instanceof errors.JWSSignatureVerificationFailed ||
      error instanceof errors.JWKSNoMatchingKey ||
      error instanceof errors.JOSEAlgNotAllowed ||
      error instanceof errors.JWKSMultipleMatchingKeys
    ) {
      throw new IdTokenRejected("signature");
    }
    throw new IdTokenRejected("malformed");
  }
  if (typeof payload.sub !== "string" || payload.sub === "") throw new IdTokenRejected("malformed");
  // §3.1.3.7 item 4–5: with several audiences the token must be issued to us (azp).
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== expected.clientId) throw new IdTokenRejected("azp");
  if (payload.azp !== undefined && payload.azp !== expected.clientId) throw new IdTokenRejected("azp");
  // §3.1.3.7 item 11: the nonce binds the token to this browser's login.
  if (payload.nonce !== expected.nonce) throw new IdTokenRejected("nonce");
  // §3.1.2.1 max_age / §3.1.3.7 item 13: auth_time is then REQUIRED, and must be after we asked (60 s of skew),
  // or a provider that ignored prompt=login would sign the remembered person back in after 【不是我，换个账号】.
  if (expected.authenticatedSince !== undefined) {
    const authTime = payload.auth_time;
    if (typeof authTime !== "number" || authTime < expected.authenticatedSince - 60) throw new IdTokenRejected("not_reauthenticated");
  }
  return payload as JWTPayload & { sub: string };
}
