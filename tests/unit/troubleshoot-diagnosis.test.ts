// 自助排查's decision (src/server/troubleshoot/diagnosis.ts): one case for each state, and the order
// between them where two could apply.
import { describe, expect, it } from "vitest";
import { appsShown, diagnose, WECHAT_DELAY_MS, type TroubleshootFacts } from "~/server/troubleshoot/diagnosis";
import { syncSlowIn } from "~/server/troubleshoot/sync-slow";

const now = new Date("2026-12-07T08:00:00Z");

const facts = (over: Partial<TroubleshootFacts> = {}): TroubleshootFacts => ({
  now,
  step: "follow",
  secondVerification: false,
  recorded: { state: "NOT_ACTIVATED", stateSince: new Date(now.getTime() - 3600_000), verificationSeenAt: null },
  live: "NOT_ACTIVATED",
  syncJob: { state: "DONE", lastErrcode: null, updatedAt: now },
  otherFollowing: null,
  apps: ["消息中心", "身份认证小助手"],
  assistantAppName: "身份认证小助手",
  seen: null,
  ...over,
});

const activated = { step: "done" as const, live: "ACTIVATED" as const };
const activatedLongAgo = {
  ...activated,
  recorded: { state: "ACTIVATED" as const, stateSince: new Date(now.getTime() - 3600_000), verificationSeenAt: null },
};

describe("diagnose", () => {
  it("not bound → bind a phone; a failed write → run it again, or the helpdesk for WeCom's 60104", () => {
    expect(diagnose(facts({ step: "bind" }))).toMatchObject({ case: "notBound", action: "bindPhone" });
    expect(diagnose(facts({ step: "syncFailed", syncJob: { state: "FAILED", lastErrcode: -1, updatedAt: now } }))).toMatchObject({
      case: "syncFailed",
      action: "rerunSync",
    });
    expect(diagnose(facts({ step: "syncFailed", syncJob: { state: "FAILED", lastErrcode: 60104, updatedAt: now } }))).toMatchObject({
      case: "syncFailed",
      action: "helpdesk",
    });
  });

  it("the write still waiting → look again in a minute (five while WeCom is retried)", () => {
    const queued = diagnose(facts({ step: "syncing", syncJob: { state: "QUEUED", lastErrcode: null, updatedAt: now } }));
    expect(queued).toMatchObject({ case: "catchingUp", lookAgainAt: new Date(now.getTime() + 60_000) });
    const retrying = diagnose(facts({ step: "syncing", syncJob: { state: "RETRYING", lastErrcode: -1, updatedAt: now } }));
    expect(retrying.lookAgainAt).toEqual(new Date(now.getTime() + 5 * 60_000));
  });

  it("in WeCom, not followed: 未激活, the wrong phone's WeChat, the notice missing, or the same person's other account", () => {
    expect(diagnose(facts())).toMatchObject({ case: "notActivated", action: "resendInvitation" });
    expect(diagnose(facts({ seen: "nothing" })).case).toBe("notActivated");
    expect(diagnose(facts({ seen: "assistantOnly" }))).toMatchObject({ case: "phoneNotWechats", action: "changePhone" });
    expect(diagnose(facts({ seen: "noNotice" }))).toMatchObject({ case: "noticeMissing", action: "follow" });
    expect(diagnose(facts({ seen: "assistantOnly", otherFollowing: { account: "2024001" } }))).toMatchObject({
      case: "followsAsOther",
      otherAccount: "2024001",
    });
  });

  it("二次验证: pending once WeCom sent the member to it; the notice missing when they say so; not needed once activated", () => {
    const seenAt = { state: "NOT_ACTIVATED" as const, stateSince: now, verificationSeenAt: now };
    expect(diagnose(facts({ secondVerification: true, recorded: seenAt })).case).toBe("verificationPending");
    expect(diagnose(facts({ secondVerification: true, recorded: seenAt, seen: "noNotice" })).case).toBe("noticeMissing");
    expect(diagnose(facts({ ...activatedLongAgo, secondVerification: true, seen: "noNotice" })).case).toBe("verificationNotNeeded");
  });

  it("followed: all good; only the assistant within ten minutes of WeCom's word → look again then; later → the apps and the helpdesk", () => {
    expect(diagnose(facts(activatedLongAgo)).case).toBe("allGood");
    const justNow = diagnose(facts({ ...activated, seen: "assistantOnly" }));
    expect(justNow).toMatchObject({ case: "catchingUp", lookAgainAt: new Date(now.getTime() + WECHAT_DELAY_MS) });
    expect(diagnose(facts({ ...activatedLongAgo, seen: "assistantOnly" }))).toMatchObject({
      case: "onlyAssistant",
      action: "helpdesk",
      apps: ["消息中心"],
    });
  });

  it("WeCom says the member left or is disabled → the helpdesk", () => {
    expect(diagnose(facts({ live: "LEFT" })).case).toBe("helpdesk");
    expect(diagnose(facts({ live: "DISABLED" })).case).toBe("helpdesk");
  });
});

describe("the follow page's slow write", () => {
  it("is not slow for the first minute, slow after it, and nothing when no write is awaited", () => {
    expect(syncSlowIn(new Date(now.getTime() - 10_000), now)).toBe(50_000);
    expect(syncSlowIn(new Date(now.getTime() - 61_000), now)).toBeLessThan(0);
    expect(syncSlowIn(null, now)).toBeNull();
  });
});

describe("the apps WeCom shows a member who follows", () => {
  const assistantAppName = "身份认证小助手";
  it("are the assistant app first, then the identity kind's, the assistant once however the school listed it", () => {
    expect(appsShown({ kindApps: ["消息中心", "图书馆"], assistantAppName, state: "ACTIVATED" })).toEqual([
      "身份认证小助手",
      "消息中心",
      "图书馆",
    ]);
    expect(appsShown({ kindApps: ["消息中心", "身份认证小助手", "消息中心"], assistantAppName, state: "ACTIVATED" })).toEqual([
      "身份认证小助手",
      "消息中心",
    ]);
    expect(appsShown({ kindApps: [], assistantAppName, state: "ACTIVATED" })).toEqual(["身份认证小助手"]);
  });

  it("leave out the assistant when WeCom said the member is outside its visible range (60011)", () => {
    expect(appsShown({ kindApps: ["消息中心", "身份认证小助手"], assistantAppName, state: "OUT_OF_RANGE" })).toEqual(["消息中心"]);
  });
});
