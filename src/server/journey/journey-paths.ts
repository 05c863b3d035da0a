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
