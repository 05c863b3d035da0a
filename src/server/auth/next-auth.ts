// next-auth with one credentials provider per kind of account. Sessions are
// JWTs in a host-only cookie, and the token names the host it was made on.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { secureCookies, serverEnv } from "~/env";
import { db } from "~/server/db/client";
import { AppError, toAppError } from "~/server/errors";
import { REQUEST_ID_HEADER } from "~/server/http/request-id";
import { rootLogger } from "~/server/log";
import { normaliseAccount } from "~/server/members/account";
import { clientAddress } from "~/server/http/client-address";
import { normaliseHost } from "~/server/tenants/resolve-host";
import { resolveTenantForHost } from "~/server/tenants/tenant-for-host";
import { nowInSeconds, sessionCookieName, sessionCookieOptions } from "./session-cookie";
import { sessionClaimsSchema, type SessionClaims } from "./session-user";
import { signInMember } from "./member-sign-in";
import { signInTenantAdmin, signInVendor } from "./sign-in";

// The origin of every auth URL is the request's own Host (each tenant has its own).
// next-auth would prefer X-Forwarded-Host, which a client can forge: the route
// (app/api/auth) hands next-auth headers without it.
process.env.AUTH_TRUST_HOST ??= "true";

const credentialsSchema = z.object({
  // NFKC as everywhere accounts enter: a full-width 学号 typed on a Chinese keyboard is the ASCII one.
  identifier: z.string().max(256).transform(normaliseAccount).pipe(z.string().min(1).max(64)),
  password: z.string().min(1).max(256),
  /** The vendor's 6-digit TOTP code; the other sign-ins have none. */
  totp: z.string().trim().max(16).optional(),
});

type Headers = Record<string, string | undefined>;

/** The failure travels to the login form as a JSON error string: the catalogue's code, never the error's own text. */
export function encodeAuthError(error: unknown): string {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") rootLogger().error({ err: error, component: "sign-in" }, "sign-in failed");
  return JSON.stringify({ code: appError.code, vars: appError.vars });
}

function attemptFrom(raw: unknown, headers: Headers) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("BAD_CREDENTIALS");
  const host = normaliseHost(headers.host);
  if (!host) throw new AppError("TENANT_UNAVAILABLE");
  return { ...parsed.data, host, ip: clientAddress(headers) };
}

type Authorize = (attempt: ReturnType<typeof attemptFrom>, headers: Headers) => Promise<SessionClaims>;

async function tenantOfRequest(headers: Headers) {
  const resolution = await resolveTenantForHost(db(), headers.host);
  if (resolution.kind !== "tenant") throw new AppError("TENANT_UNAVAILABLE");
  return resolution.tenant;
}

const flows: Record<string, Authorize> = {
  member: async (attempt, headers) => signInMember(db(), await tenantOfRequest(headers), attempt),
  "tenant-admin": async (attempt, headers) => signInTenantAdmin(db(), await tenantOfRequest(headers), attempt),
  vendor: async (attempt, headers) => {
    const resolution = await resolveTenantForHost(db(), headers.host);
    if (resolution.kind !== "root") throw new AppError("FORBIDDEN");
    return signInVendor(db(), attempt);
  },
};

function provider(id: string, authorize: Authorize) {
  return CredentialsProvider({
    id,
    name: id,
    credentials: { identifier: { type: "text" }, password: { type: "password" }, ...(id === "vendor" ? { totp: { type: "text" } } : {}) },
    async authorize(credentials, req) {
      const headers = (req.headers ?? {}) as Headers;
      const log = rootLogger().child({ component: "sign-in", provider: id, requestId: headers[REQUEST_ID_HEADER] });
      try {
        const attempt = attemptFrom(credentials, headers);
        const claims = await authorize(attempt, headers);
        log.info({ identifier: attempt.identifier, kind: claims.kind, tenant: claims.tenantId }, "signed in");
        return { id: claims.sub, ...claims };
      } catch (error) {
        log.info({ appCode: toAppError(error).code }, "sign-in refused");
        throw new Error(encodeAuthError(error));
      }
    },
  });
}

/**
 * Ends every session of the account that signs out: the cookie is only cleared
 * in this browser, so a copied cookie would otherwise stay valid until it expires.
 */
async function endSessions(token: unknown): Promise<void> {
  const claims = sessionClaimsSchema.safeParse(token);
  if (!claims.success) return;
  const { sub: id, kind } = claims.data;
  const bump = { where: { id }, data: { sessionVersion: { increment: 1 } } };
  if (kind === "member") await db().member.updateMany(bump);
  else if (kind === "tenantAdmin") await db().tenantAdmin.updateMany(bump);
  else await db().vendorAdmin.updateMany(bump);
}

export function authOptions(): NextAuthOptions {
  const env = serverEnv();
  const secure = secureCookies(env);
  return {
    secret: env.NEXTAUTH_SECRET,
    useSecureCookies: secure,
    cookies: { sessionToken: { name: sessionCookieName(secure), options: sessionCookieOptions(secure) } },
    // next-auth slides the expiry on use; session.ts also refuses a token signed in longer ago than this.
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_HOURS * 3600 },
    events: { signOut: ({ token }) => endSessions(token) },
    providers: Object.entries(flows).map(([id, authorize]) => provider(id, authorize)),
    pages: { signIn: "/login" },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const claims = sessionClaimsSchema.parse(user);
          return { ...token, ...claims, signedInAt: nowInSeconds() };
        }
        return token;
      },
    },
  };
}
