// The pages' side of the activation's sealed state: opened from its cookie, and the person sent to the
// step they are at (a bookmarked or reloaded page of another step shows the right one).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { activationStep, openActivation, type ActivationState, type ActivationStep } from "~/server/auth/account-activation";
import type { MessageKey } from "~/i18n/messages";
import { activationCookieName, STEP_PATHS } from "./paths";

export async function activationAt(tenantId: string, step: ActivationStep): Promise<ActivationState> {
  const sealed = (await cookies()).get(activationCookieName())?.value;
  let state: ActivationState | null = null;
  try {
    state = openActivation(tenantId, sealed);
  } catch {
    // Never started here, or older than its 30 minutes: the notice again, saying why when it was started.
  }
  if (!state) redirect(sealed ? "/activate?error=ACTIVATION_EXPIRED" : "/activate");
  const at = activationStep(state);
  if (at !== step) redirect(STEP_PATHS[at]);
  return state;
}

/** The account's name on these pages and on the login page: 考生号 for candidates, 学号 / 工号 otherwise. */
export const activationAccountLabel = (kind: string | null | undefined): MessageKey =>
  kind === "candidate" ? "activation.account" : "activation.accountOther";

export const STEP_NUMBER: Record<ActivationStep, number> = { identity: 1, phone: 2, email: 3, password: 4 };
