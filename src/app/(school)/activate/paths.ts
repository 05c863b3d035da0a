// 账号激活's routes and pages (auth/account-activation.ts): the sealed state of this person's activation
// lives in an HttpOnly cookie of its own (never in a form field or an address), and every post
// answers with a 303 to the page of the step it belongs to, a refusal named in ?error=.
import { secureCookies } from "~/env";
import { ACTIVATION_TTL_MS, type ActivationStep } from "~/server/auth/account-activation";
import type { AppError } from "~/server/errors";
import { redirectTo } from "~/server/http/answers";
import { parseCookies } from "~/server/http/cookies";
import { refusalQuery } from "~/server/http/refusal-query";
import type { RouteOptions } from "~/server/http/route-scope";

/** Behind https `__Host-` (Secure, Path=/, no Domain): no other school's subdomain can set or overwrite it. */
export const activationCookieName = (secure = secureCookies()) => (secure ? "__Host-activation" : "activation");

/** Each post reads a few short fields (a name, an ID number, a phone, a code, passwords). */
export const MAX_FORM_BYTES = 8 * 1024;

export const STEP_PATHS: Record<ActivationStep, string> = {
  identity: "/activate/identity",
  phone: "/activate/phone",
  email: "/activate/email",
  password: "/activate/password",
};

function serialise(value: string, maxAgeSeconds: number): string {
  const secure = secureCookies();
  return [
    `${activationCookieName(secure)}=${value}`,
    "Path=/",
    `Max-Age=${maxAgeSeconds}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/** The Set-Cookie of the activation's sealed state; it lasts no longer than the activation may. */
export const activationCookie = (sealed: string) => serialise(sealed, Math.ceil(ACTIVATION_TTL_MS / 1000));
export const clearActivationCookie = () => serialise("", 0);

/** The sealed state a request carries, if any. */
export const sealedActivationOf = (request: Request): string | null =>
  parseCookies(request.headers.get("cookie"))[activationCookieName()] ?? null;

/** A refusal said on `page`; an expired or skipped activation starts again at the notice. */
export function activationRoute(component: string, page: string): RouteOptions {
  return {
    component: `activation-${component}`,
    refusal: (error: AppError) =>
      error.code === "ACTIVATION_EXPIRED"
        ? redirectTo(`/activate?${refusalQuery(error).toString()}`, [clearActivationCookie()])
        : redirectTo(`${page}?${refusalQuery(error).toString()}`),
  };
}
