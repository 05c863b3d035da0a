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

/**
 * Refresh a little before WeCom's expiry, so no call races the deadline: five
 * minutes of a two-hour token, a tenth of a shorter one. The stored expiry is
 * the moment to refresh.
 */
export function refreshAt(issuedAt: Date, expiresInSeconds: number): Date {
  const margin = Math.min(300, expiresInSeconds / 10);
  return new Date(issuedAt.getTime() + (expiresInSeconds - margin) * 1000);
}

/** Changing the corp id or the secret changes the key, so a stale token is never reused. */
export function tokenCacheKey(kind: SecretKind, corpId: string, secret: string): string {
  return `${kind}:${createHash("sha256").update(`${corpId}\n${secret}`).digest("hex").slice(0, 40)}`;
}

type Options = {
  /** The plain client: the refresh takes an advisory lock, raw SQL the tenant-bound client refuses. */
  prisma: PrismaClient;
  tenantId: string;
  cacheKey: string;
  encryptionKey: Buffer;
  fetchToken: () => Promise<FetchedToken>;
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
  return options.prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1))", `wecom-token:${options.tenantId}:${options.cacheKey}`);
      // Another instance may have refreshed it while this one waited for the lock.
      const again = usable(await tx.wecomToken.findUnique({ where }));
      if (again) return again;
      const fetched = await options.fetchToken();
      const data = {
        tokenEnc: encryptSecret(fetched.accessToken, options.encryptionKey, wecomTokenContext(options.tenantId, options.cacheKey)),
        expiresAt: refreshAt(now(), fetched.expiresInSeconds),
      };
      await tx.wecomToken.upsert({
        where,
        create: { tenantId: options.tenantId, cacheKey: options.cacheKey, ...data },
        update: data,
      });
      return fetched.accessToken;
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}
