// Access tokens kept in PostgreSQL, so every app instance shares one token per
// tenant and secret (reference §1: cache per corp and secret; gettoken is rate
// limited). A refresh takes an advisory lock, so instances that find the token
// stale at the same moment fetch it once between them.
import { createHash } from "node:crypto";
import { decryptSecret, encryptSecret, wecomTokenContext } from "~/server/crypto/secrets";
import type { PrismaClient } from "~/generated/prisma/client";
import { tenantDb } from "~/server/db/tenant-db";

export type SecretKind = "app" | "contact";
export type FetchedToken = { accessToken: string; expiresInSeconds: number };
type RawTx = Pick<PrismaClient, "$executeRawUnsafe" | "$queryRawUnsafe">;

/**
 * Refresh a little before WeCom's expiry, so no call races the deadline: five
 * minutes of a two-hour token, a tenth of a shorter one. The stored expiry is
 * the moment to refresh.
 */
export function refreshAt(issuedAt: Date, expiresInSeconds: number): Date {
  const margin = Math.min(300, expiresInSeconds / 10);
  return new Date(issuedAt.getTime() + (expiresInSeconds - margin) * 1000);
}

/**
 * Changing the API base URL, the corp id or the secret changes the key, so a
 * token is only ever sent back to the API that issued it.
 */
export function tokenCacheKey(kind: SecretKind, baseUrl: string, corpId: string, secret: string): string {
  return `${kind}:${createHash("sha256").update(`${baseUrl}\n${corpId}\n${secret}`).digest("hex").slice(0, 40)}`;
}

type Options = {
  /** The plain client: the refresh takes an advisory lock, raw SQL the tenant-bound client refuses. */
  prisma: PrismaClient;
  tenantId: string;
  cacheKey: string;
  encryptionKey: Buffer;
  fetchToken: () => Promise<FetchedToken>;
  /**
   * Runs under the lock, just before gettoken: throws to send none (e.g. the
   * secret was refused while this request waited for the instance that asked).
   */
  beforeFetch?: (tx: RawTx) => Promise<void>;
  /**
   * A failed gettoken to remember for the requests waiting on the lock: writes
   * it in the lock's transaction and returns the error to throw once that has
   * committed; null throws the failure as it is, remembering nothing.
   */
  rememberFailure?: (tx: RawTx, error: unknown) => Promise<Error | null>;
  /** A token WeCom just refused: replace it even if it looks fresh. */
  rejected?: string;
  now?: () => Date;
};

export async function accessToken(options: Options): Promise<string> {
  const now = options.now ?? (() => new Date());
  const usable = (row: { tokenEnc: string; expiresAt: Date } | null): string | null => {
    if (!row || row.expiresAt.getTime() <= now().getTime()) return null;
    const token = decryptSecret(row.tokenEnc, options.encryptionKey, wecomTokenContext(options.tenantId, options.cacheKey));
    return token === options.rejected ? null : token;
  };
  const where = { tenantId_cacheKey: { tenantId: options.tenantId, cacheKey: options.cacheKey } };

  const cached = usable(await tenantDb(options.prisma, options.tenantId).wecomToken.findUnique({ where }));
  if (cached) return cached;

  // Every query below names the tenant itself (the unique key starts with tenantId).
  const outcome = await options.prisma.$transaction(
    async (tx): Promise<{ token: string } | { failure: Error }> => {
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1))", `wecom-token:${options.tenantId}:${options.cacheKey}`);
      // Another instance may have refreshed it while this one waited for the lock.
      const again = usable(await tx.wecomToken.findUnique({ where }));
      if (again) return { token: again };
      await options.beforeFetch?.(tx);
      let fetched: FetchedToken;
      try {
        fetched = await options.fetchToken();
      } catch (error) {
        const remembered = await options.rememberFailure?.(tx, error);
        if (remembered) return { failure: remembered };
        throw error;
      }
      const data = {
        tokenEnc: encryptSecret(fetched.accessToken, options.encryptionKey, wecomTokenContext(options.tenantId, options.cacheKey)),
        expiresAt: refreshAt(now(), fetched.expiresInSeconds),
      };
      await tx.wecomToken.upsert({
        where,
        create: { tenantId: options.tenantId, cacheKey: options.cacheKey, ...data },
        update: data,
      });
      return { token: fetched.accessToken };
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  if ("failure" in outcome) throw outcome.failure;
  return outcome.token;
}
