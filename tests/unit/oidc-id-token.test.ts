// The id_token checks of OIDC Core §3.1.3.7, each proven by a token that breaks exactly one rule:
// forged with jose, signed by the provider's key or by one that is not in its JWKS.
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { IdTokenRejected, verifyIdToken } from "~/server/identity/oidc/id-token";

const ISSUER = "https://idp.example.edu.cn";
const CLIENT = "campus";
const NONCE = "n".repeat(32);
let providerKey: CryptoKey;
let strangerKey: CryptoKey;
let jwks: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  const provider = await generateKeyPair("RS256");
  const stranger = await generateKeyPair("RS256");
  providerKey = provider.privateKey;
  strangerKey = stranger.privateKey;
  const publicJwk: JWK = { ...(await exportJWK(provider.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  jwks = createLocalJWKSet({ keys: [publicJwk] });
});

type Overrides = { claims?: Record<string, unknown>; key?: CryptoKey; kid?: string; iat?: number; exp?: number };

function token({ claims = {}, key = providerKey, kid = "k1", iat, exp }: Overrides = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ nonce: NONCE, preferred_username: "2024001", ...claims })
    .setProtectedHeader({ alg: "RS256", kid })
    .setIssuer(ISSUER)
    .setAudience((claims.aud as string | string[] | undefined) ?? CLIENT)
    .setSubject("opaque-1")
    .setIssuedAt(iat ?? now)
    .setExpirationTime(exp ?? now + 300)
    .sign(key);
}

const verify = (idToken: string, nonce = NONCE) => verifyIdToken(idToken, { issuer: ISSUER, clientId: CLIENT, nonce, keys: jwks });

async function problemOf(promise: Promise<unknown>) {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    if (error instanceof IdTokenRejected) return error.problem;
    throw error;
  }
}

describe("an id_token", () => {
  it("is accepted when signed by the provider's key for us, fresh, with our nonce", async () => {
    expect((await verify(await token())).sub).toBe("opaque-1");
  });

  it("is refused when signed by a key that is not in the provider's JWKS", async () => {
    expect(await problemOf(verify(await token({ key: strangerKey })))).toBe("signature");
    expect(await problemOf(verify(await token({ key: strangerKey, kid: "other" })))).toBe("signature");
  });

  it("is refused with another nonce (a token of another login)", async () => {
    expect(await problemOf(verify(await token(), "m".repeat(32)))).toBe("nonce");
    expect(await problemOf(verify(await token({ claims: { nonce: undefined } })))).toBe("nonce");
  });

  it("is refused when expired, allowing a minute of clock skew", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await problemOf(verify(await token({ iat: now - 600, exp: now - 120 })))).toBe("expired");
    expect(await problemOf(verify(await token({ iat: now - 600, exp: now - 30 })))).toBe("accepted");
    // Issued long ago, even if it claims to live on.
    expect(await problemOf(verify(await token({ iat: now - 3600, exp: now + 3600 })))).toBe("expired");
  });

  it("is refused for another audience, or for several without us as azp", async () => {
    expect(await problemOf(verify(await token({ claims: { aud: "another-school" } })))).toBe("audience");
    expect(await problemOf(verify(await token({ claims: { aud: [CLIENT, "another-school"] } })))).toBe("azp");
    expect(await problemOf(verify(await token({ claims: { aud: [CLIENT, "another-school"], azp: CLIENT } })))).toBe("accepted");
  });

  it("is refused from another issuer", async () => {
    const other = await new SignJWT({ nonce: NONCE })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer("https://idp.other.edu.cn")
      .setAudience(CLIENT)
      .setSubject("x")
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(providerKey);
    expect(await problemOf(verify(other))).toBe("issuer");
  });

  it("is refused unsigned (alg none) or signed with a shared secret (HS256)", async () => {
    const [header, payload] = (await token()).split(".");
    const none = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${payload}.`;
    expect(await problemOf(verify(none))).not.toBe("accepted");
    const hs = await new SignJWT({ nonce: NONCE })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(ISSUER)
      .setAudience(CLIENT)
      .setSubject("x")
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("a shared secret that was never agreed"));
    expect(await problemOf(verify(hs))).toBe("signature");
    void header;
  });

  it("after 【不是我，换个账号】 must show the person authenticated again (auth_time), not a remembered session", async () => {
    const now = Math.floor(Date.now() / 1000);
    const since = { issuer: ISSUER, clientId: CLIENT, nonce: NONCE, keys: jwks, authenticatedSince: now };
    expect(await problemOf(verifyIdToken(await token({ claims: { auth_time: now - 3600 } }), since))).toBe("not_reauthenticated");
    expect(await problemOf(verifyIdToken(await token(), since))).toBe("not_reauthenticated");
    expect(await problemOf(verifyIdToken(await token({ claims: { auth_time: now + 2 } }), since))).toBe("accepted");
  });
});
