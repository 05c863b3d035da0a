// 自助排查 (issue 18 §2; PRODUCT "Self-service afterwards"): from what the product knows of a member
// here and in WeCom, and what the member says they see in WeChat, the single case of the manuals'
// FAQs that applies (UCAS 5, 6-1, 6-3; SUES 1.2 note 3; UESTC FAQ 1) and the one action that fixes
// it. Pure, so every case has a unit test; troubleshoot.ts gathers the facts and acts.
//
// What today's WeCom lets the product know (reference §7.5): the member's status by the assistant
// app's user/get (1 activated, 4 not activated, 5 left, 2 disabled), whether WeCom holds the entry
// at all, and the 二次验证 page WeCom sent the member to. It never says which WeChat follows, nor
// that someone follows "unidentified" and sees only the assistant app: that much the member tells.
import type { WecomJobState, WecomState } from "~/generated/prisma/client";
import type { JourneyStep } from "~/server/journey/journey-step";

/** What the member sees in WeChat, as they answer the page's one question. */
export const SEEN = ["nothing", "assistantOnly", "noNotice"] as const;
export type Seen = (typeof SEEN)[number];

export const TROUBLESHOOT_CASES = [
  /** No phone bound here (yet, or an admin changed the directory's): bind it first. */
  "notBound",
  /** The member's entry could not be written to WeCom: run the sync again, or (60104) the helpdesk. */
  "syncFailed",
  /** 6: the sync has not run yet, or WeCom said "activated" only minutes ago: look again at a time. */
  "catchingUp",
  /** 2: in WeCom's directory, never followed (未激活): follow, or get WeCom's invitation again. */
  "notActivated",
  /** 1 (UCAS 6-1): followed with a WeChat bound to another phone: only the assistant, 关注身份验证. */
  "phoneNotWechats",
  /** 3 (UCAS 6-3, SUES 1.2-3): the same person's other account already follows with this WeChat. */
  "followsAsOther",
  /** 4: WeCom sent the member to the school's 二次验证 and waits for it. */
  "verificationPending",
  /** 4: no 二次验证 is needed: WeCom already admitted the member (「看得到消息中心即已激活」). */
  "verificationNotNeeded",
  /** 5 (UESTC FAQ 1): followed, but the 二次验证 notice never arrived: unfollow and follow again. */
  "noticeMissing",
  /** 7 (UCAS 5): follows, sees only the assistant: the apps of the identity kind and their visible ranges. */
  "onlyAssistant",
  /** WeCom says the member follows and the member reports nothing wrong. */
  "allGood",
  /** None of the above: a helpdesk case with every finding. */
  "helpdesk",
] as const;
export type TroubleshootCase = (typeof TROUBLESHOOT_CASES)[number];

/** The one action that fixes it: a button where the product acts, a link where the member does. */
export const TROUBLESHOOT_ACTIONS = [
  "bindPhone",
  "changePhone",
  "rerunSync",
  "resendInvitation",
  "follow",
  "unbind",
  "signInAsOther",
  "lookAgain",
  "helpdesk",
  "none",
] as const;
export type TroubleshootAction = (typeof TROUBLESHOOT_ACTIONS)[number];

/** The actions the product performs itself (a form post); the others are links. */
export const BUTTON_ACTIONS: readonly TroubleshootAction[] = ["rerunSync", "resendInvitation", "helpdesk"];

/** After WeCom said "activated", how long WeChat may still show the assistant alone (UCAS 5 方法一). */
export const WECHAT_DELAY_MS = 10 * 60_000;

/**
 * The apps WeCom shows a member who follows (UCAS 5): the assistant app they followed through — the one a
 * follower always sees, 「只看到身份验证小助手」 at least — unless WeCom said they are outside its visible
 * range (60011, OUT_OF_RANGE); then the apps of their identity kind, the school's word for which apps
 * that kind's visible ranges hold (an app's token reads only its own app's range: the product cannot
 * read the others). The assistant named in the kind's list counts once. 「关注成功」 lists these, and
 * 自助排查's onlyAssistant names the ones beyond the assistant.
 */
export function appsShown(input: { kindApps: readonly string[]; assistantAppName: string; state: WecomState | null }): string[] {
  const others = [...new Set(input.kindApps)].filter((app) => app !== input.assistantAppName);
  return input.state === "OUT_OF_RANGE" ? others : [input.assistantAppName, ...others];
}

export type TroubleshootFacts = {
  now: Date;
  step: JourneyStep;
  /** The school's WeCom asks for 二次验证 (UESTC). */
  secondVerification: boolean;
  /** What the product recorded before this look: the state WeCom last said, and since when. */
  recorded: { state: WecomState | null; stateSince: Date | null; verificationSeenAt: Date | null };
  /** What WeCom answered now (user/get with the assistant app's token); null: not asked or no answer. */
  live: WecomState | null;
  /** The member's latest upsert job. */
  syncJob: { state: WecomJobState; lastErrcode: number | null; updatedAt: Date } | null;
  /** The same person's other account (one ID number) that WeCom says follows, if any. */
  otherFollowing: { account: string } | null;
  /** The apps WeCom shows the member once they follow (appsShown), the assistant's first when they see it. */
  apps: string[];
  assistantAppName: string;
  seen: Seen | null;
};

export type Diagnosis = {
  case: TroubleshootCase;
  action: TroubleshootAction;
  /** catchingUp: when to look again. */
  lookAgainAt: Date | null;
  /** followsAsOther: the other account. */
  otherAccount: string | null;
  /** onlyAssistant: the apps beyond the assistant this identity kind has in WeCom. */
  apps: string[];
};

const result = (c: TroubleshootCase, action: TroubleshootAction, extra: Partial<Diagnosis> = {}): Diagnosis => ({
  case: c,
  action,
  lookAgainAt: null,
  otherAccount: null,
  apps: [],
  ...extra,
});

const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

/** WeCom's state as best known: the live answer, else the record. */
export function currentState(facts: Pick<TroubleshootFacts, "live" | "recorded">): WecomState | null {
  return facts.live ?? facts.recorded.state;
}

export function diagnose(facts: TroubleshootFacts): Diagnosis {
  const { now, seen } = facts;
  const state = currentState(facts);
  const followed = state === "ACTIVATED" && facts.step === "done";

  if (followed) {
    // 「看得到消息中心即已激活」: WeCom admitted the member; no notice will come, none is needed.
    if (seen === "noNotice") return result("verificationNotNeeded", "none");
    if (seen === "assistantOnly" || seen === "nothing") {
      // WeCom said so only now, or minutes ago: WeChat catches up (UCAS 5 方法一 「稍后重新进入查看」).
      const since = facts.recorded.state === "ACTIVATED" && facts.recorded.stateSince ? facts.recorded.stateSince : now;
      if (now.getTime() - since.getTime() < WECHAT_DELAY_MS)
        return result("catchingUp", "lookAgain", { lookAgainAt: new Date(since.getTime() + WECHAT_DELAY_MS) });
      const apps = facts.apps.filter((app) => app !== facts.assistantAppName);
      return result("onlyAssistant", "helpdesk", { apps });
    }
    return result("allGood", "none");
  }

  if (facts.step === "bind") return result("notBound", "bindPhone");

  const job = facts.syncJob;
  if (facts.step === "syncFailed") {
    // 60104: WeCom holds the phone on another member; running the job again changes nothing.
    return result("syncFailed", job?.lastErrcode === 60104 ? "helpdesk" : "rerunSync");
  }
  if (facts.step === "syncing") {
    const minutes = job?.state === "RETRYING" ? 5 : 1;
    return result("catchingUp", "lookAgain", { lookAgainAt: minutesAfter(now, minutes) });
  }

  // In WeCom's directory, not (yet) admitted. WeCom said "activated" now, the product had not heard it.
  if (state === "ACTIVATED") return result("catchingUp", "lookAgain", { lookAgainAt: minutesAfter(now, 1) });
  if (state && state !== "NOT_ACTIVATED" && state !== "UNSUBSCRIBED") return result("helpdesk", "helpdesk");

  // One person, two accounts: WeCom says the other follows, so a WeChat of this person is taken.
  if (facts.otherFollowing) return result("followsAsOther", "signInAsOther", { otherAccount: facts.otherFollowing.account });

  if (facts.secondVerification && facts.recorded.verificationSeenAt) {
    return result(seen === "noNotice" ? "noticeMissing" : "verificationPending", seen === "noNotice" ? "follow" : "none");
  }
  if (seen === "noNotice") return result("noticeMissing", "follow");
  if (seen === "assistantOnly") return result("phoneNotWechats", "changePhone");
  return result("notActivated", "resendInvitation");
}
