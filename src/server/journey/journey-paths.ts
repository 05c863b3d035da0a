// The page of each step of the journey, and the paths a login may return to. Pure.
import { refusalQuery } from "~/server/http/refusal-query";
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

/** The 二次验证 result page for a refusal, with the numbers its message names. */
export function verifyResultPath(error: { code: string; vars: Record<string, string | number> }): string {
  return `/verify/result?${refusalQuery(error).toString()}`;
}
