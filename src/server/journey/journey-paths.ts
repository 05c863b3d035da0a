// The page of each step of the journey, and the paths a login may return to. Pure.
import type { JourneyStep } from "./journey-step";

export const JOURNEY_PATHS: Record<JourneyStep, string> = {
  bind: "/bind-phone",
  syncing: "/follow",
  syncFailed: "/follow",
  follow: "/follow",
  done: "/done",
};

/** Where the login sends a member who chose an identity on /join: the first step after the unified login. */
export const AFTER_LOGIN = "/bind-phone";

/** The login page for an identity kind (the identity provider's button or form reads `kind`), returning to `returnTo`. */
export function loginPath(kind: string | null, returnTo: string = AFTER_LOGIN): string {
  const query = new URLSearchParams({ ...(kind ? { kind } : {}), returnTo });
  return `/login?${query.toString()}`;
}

/** The numbers a 二次验证 refusal's message needs (RATE_LIMITED's wait, PAYLOAD_TOO_LARGE's cap), carried to its page. */
export const VERIFY_RESULT_VARS = ["seconds", "kib"] as const;

/** The 二次验证 result page for a refusal, with the numbers its message names. */
export function verifyResultPath(error: { code: string; vars: Record<string, string | number> }): string {
  const query = new URLSearchParams({ error: error.code });
  for (const name of VERIFY_RESULT_VARS) {
    const value = error.vars[name];
    if (typeof value === "number") query.set(name, String(value));
  }
  return `/verify/result?${query.toString()}`;
}
