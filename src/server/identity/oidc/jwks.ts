// The provider's signing keys (jwks_uri), fetched through the guarded client —
// jose's own remote key set would fetch past our SSRF rules — and used as a
// local key set. On a key id we do not have (the provider rotated its keys,
// OIDC Core §10.1.1) the set is fetched again, at most once a minute.
import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { OutboundError, schoolRequest } from "../outbound/guarded-request";

const jwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1).max(50) });

export class JwksError extends Error {
  constructor(readonly detail: OutboundError | null) {
    super("the provider's signing keys could not be read");
    this.name = "JwksError";
  }
}

const cache = new Map<string, { at: number; set: JSONWebKeySet }>();
const TTL_MS = 10 * 60_000;
const REFETCH_MIN_MS = 60_000;

export async function fetchJwks(uri: string): Promise<JSONWebKeySet> {
  let body: string;
  try {
    const answer = await schoolRequest(new URL(uri), { headers: { accept: "application/json" }, maxBytes: 128 * 1024 });
    if (answer.status !== 200) throw new JwksError(null);
    body = answer.body;
  } catch (error) {
    if (error instanceof OutboundError) throw new JwksError(error);
    throw error;
  }
  try {
    const set = jwksSchema.parse(JSON.parse(body));
    cache.set(uri, { at: Date.now(), set });
    return set;
  } catch {
    throw new JwksError(null);
  }
}

/** A key resolver for jose's jwtVerify: the cached set, refreshed once when the token names a key it lacks. */
export async function keyResolver(uri: string): Promise<JWTVerifyGetKey> {
  const cached = cache.get(uri);
  const set = cached && Date.now() - cached.at < TTL_MS ? cached.set : await fetchJwks(uri);
  let local = createLocalJWKSet(set);
  return async (header, token) => {
    try {
      return await local(header, token);
    } catch (error) {
      const entry = cache.get(uri);
      if ((error as { code?: string }).code !== "ERR_JWKS_NO_MATCHING_KEY" || (entry && Date.now() - entry.at < REFETCH_MIN_MS))
        throw error;
      local = createLocalJWKSet(await fetchJwks(uri));
      return local(header, token);
    }
  };
}
