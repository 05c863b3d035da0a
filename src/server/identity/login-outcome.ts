// Why a login through the school's server did not end in a session, carried
// from our callback route to the login page that explains it (in the page's
// language, with what to do next): a short-lived sealed cookie of this host,
// since the message names the account the school vouched for and that does
// not belong in an address bar, a history or a Referer.
import { z } from "zod";
import { secureCookies } from "~/env";
import { encryptionKey } from "~/server/crypto/keys";
import { decryptSecret, encryptSecret, sealContext } from "~/server/crypto/secrets";
import { ERROR_CATALOG, type AppError, type AppErrorCode } from "~/server/errors";
import { parseCookies } from "~/server/http/cookies";

const outcomeSchema = z.object({
  code: z.string().refine((c): c is AppErrorCode => c in ERROR_CATALOG),
  vars: z.record(z.string(), z.union([z.string().max(200), z.number()])),
  at: z.number(),
});

const NAME = "campus.identity-outcome";
const LIFETIME_SECONDS = 300;
const context = (tenantId: string) => sealContext("LoginOutcome", "cookie", tenantId);

function cookie(value: string, maxAge: number): string {
  return `${NAME}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secureCookies() ? "; Secure" : ""}`;
}

export function loginOutcomeCookie(tenantId: string, error: AppError): string {
  const sealed = encryptSecret(JSON.stringify({ code: error.code, vars: error.vars, at: Date.now() }), encryptionKey(), context(tenantId));
  return cookie(sealed, LIFETIME_SECONDS);
}

export const clearLoginOutcomeCookie = (): string => cookie("", 0);

/** The refusal of this school's last login on this browser, within five minutes; null otherwise. */
export function readLoginOutcome(
  cookieHeader: string | null,
  tenantId: string,
): { code: AppErrorCode; vars: Record<string, string | number> } | null {
  const sealed = parseCookies(cookieHeader)[NAME];
  if (!sealed) return null;
  try {
    const outcome = outcomeSchema.parse(JSON.parse(decryptSecret(sealed, encryptionKey(), context(tenantId))));
    if (Date.now() - outcome.at > LIFETIME_SECONDS * 1000) return null;
    return { code: outcome.code, vars: outcome.vars };
  } catch {
    return null;
  }
}
