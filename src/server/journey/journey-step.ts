// Where a member is in the journey (PRODUCT "The member journey"), decided from what the product
// knows: the binding, what WeCom holds per the product's own record, the latest sync job, and
// the state WeCom last said. Pure, so every case has a unit test.
import type { WecomJobState } from "~/generated/prisma/client";
import { wecomMobileOf } from "~/server/wecom/mobile";

export const JOURNEY_STEPS = ["bind", "syncing", "syncFailed", "follow", "done"] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

export type JourneyFacts = {
  phone: string | null;
  email: string | null;
  binding: { channel: "PHONE" | "EMAIL"; value: string } | null;
  /** MemberWecom: what the product wrote and WeCom kept, and what WeCom last said. */
  wecom: {
    state: string | null;
    writtenAt: Date | null;
    mobile: string | null;
    email: string | null;
    /** A removal from WeCom is on its way (解绑微信, or an admin's consent to re-create the member). */
    rejoinConsentAt?: Date | null;
  } | null;
  /** The member's latest WeCom sync job (its WecomJob row). */
  syncJob: { state: WecomJobState } | null;
};

/** The binding still names what the directory holds for the member (an admin may have changed it since). */
export function bindingHolds(facts: Pick<JourneyFacts, "phone" | "email" | "binding">): boolean {
  const { binding } = facts;
  if (!binding) return false;
  return binding.channel === "PHONE" ? binding.value === facts.phone : binding.value === facts.email?.toLowerCase();
}

/**
 * WeCom said the member follows, and no removal of that follow is on its way: once the member
 * unbound their WeChat (or an admin consented to re-create them), the state WeCom last said is
 * about to end, and the journey must not stop at 「关注成功」 while the job has not run yet.
 */
export function followsInWecom(wecom: { state: string | null; rejoinConsentAt?: Date | null } | null): boolean {
  return wecom?.state === "ACTIVATED" && !wecom.rejoinConsentAt;
}

export function journeyStep(facts: JourneyFacts): JourneyStep {
  // Followed (and past any second verification): done, however the member got there.
  if (followsInWecom(facts.wecom)) return "done";
  if (!bindingHolds(facts)) return "bind";
  const { wecom, binding } = facts;
  const inWecom =
    !!wecom?.writtenAt &&
    (binding!.channel === "PHONE"
      ? wecom.mobile === wecomMobileOf(binding!.value)
      : (wecom.email?.toLowerCase() ?? null) === binding!.value);
  if (inWecom) return "follow";
  return facts.syncJob?.state === "FAILED" ? "syncFailed" : "syncing";
}
