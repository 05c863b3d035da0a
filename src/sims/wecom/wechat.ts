// Simulated WeChat: users with the phone their WeChat is bound to, who scan links, follow a
// corp's enterprise account (企业号) and pass the assistant app's 关注身份验证, as the manuals in
// shared/seeds describe:
//  - the directory holds a member whose mobile is the WeChat's bound phone → followed at once;
//  - otherwise the user follows unidentified and sees only the assistant app, whose 关注身份验证
//    takes a phone that must be a member's mobile (「该手机号不存在于企业通讯录中」), sends an SMS
//    code and links the member on the right code; a phone another member already verified with
//    gives 「手机号已被其他成员验证」;
//  - one member ↔ one WeChat (SUES 1.2 note 3): when the member already follows with another
//    WeChat (UCAS FAQ 6, phones x and y), the second WeChat is told 「关注成功」/「验证成功」 but
//    stays without apps.
import { randomInt } from "node:crypto";
import { z } from "zod";
import { type Sim, simNow } from "./context";
import { contactFields, emitMemberUpdate } from "./directory";
import { authorize, secondVerificationLink } from "./oauth";
import { resolveJoinQr } from "./invitations";
import { inboxOf } from "./messages";
import { isValidWecomMobile, samePhone } from "./phone";
import { sendSms } from "./sms";
import { type Corp, findCorp, type Member, memberStatus, type WechatUser } from "./state";
import { isMemberVisible } from "./visibility";

const SMS_CODE_TTL_MS = 5 * 60_000;
const SMS_CODE_ATTEMPTS = 5;

/** A refusal the WeChat user reads on screen, in WeChat's words. */
export class WechatError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const wechatUserInput = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  name: z.string().trim().min(1).max(32),
  phone: z
    .string()
    .trim()
    .regex(/^(\+|00)?[\d\s-]{5,32}$/, "手机号格式不正确"),
});

export function createWechatUser(sim: Sim, input: z.infer<typeof wechatUserInput>): WechatUser {
  if (sim.state.wechatUsers.some((u) => samePhone(u.phone, input.phone))) throw new WechatError("phone_taken", "该手机号已绑定其他微信");
  const id = input.id ?? `wx${randomInt(10_000_000, 99_999_999)}`;
  if (sim.state.wechatUsers.some((u) => u.id === id)) throw new WechatError("id_taken", "该微信号已存在");
  const user: WechatUser = { id, name: input.name, phone: input.phone, createdAt: simNow(sim) };
  sim.state.wechatUsers.push(user);
  return user;
}

const linkedMember = (corp: Corp, wechatUser: WechatUser): Member | undefined => corp.members.find((m) => m.wechatUserId === wechatUser.id);

function markUnidentified(sim: Sim, corp: Corp, wechatUser: WechatUser, reason: "needs_verification" | "member_followed_elsewhere"): void {
  corp.unidentifiedFollowers = corp.unidentifiedFollowers.filter((f) => f.wechatUserId !== wechatUser.id);
  corp.unidentifiedFollowers.push({ wechatUserId: wechatUser.id, reason, at: simNow(sim) });
}

/** Makes `wechatUser` follow as `member`: status 1 (or 4 until second verification), with its callbacks. */
function link(sim: Sim, corp: Corp, member: Member, wechatUser: WechatUser, phone: string): void {
  const before = contactFields(member);
  member.wechatUserId = wechatUser.id;
  member.linkedPhone = phone;
  member.activation = "active";
  member.awaitingSecondVerification = corp.secondVerificationUrl !== null;
  corp.unidentifiedFollowers = corp.unidentifiedFollowers.filter((f) => f.wechatUserId !== wechatUser.id);
  emitMemberUpdate(sim, corp, before, member, "wechat");
  if (memberStatus(member) === 1) sim.emit({ kind: "subscribe", corpid: corp.corpid, userid: member.userid });
}

export type FollowResult =
  | { result: "already_following"; userid: string }
  | { result: "followed"; userid: string; secondVerificationUrl: string | null }
  | { result: "needs_verification" }
  /** UCAS FAQ 6: WeChat says 关注成功, but the member follows with another WeChat, so no apps. */
  | { result: "followed_without_apps" };

/** The member a phone reaches: by directory mobile, or (UCAS FAQ 6's x) the phone a linked member verified with. */
function membersForPhone(corp: Corp, phone: string) {
  const byMobile = corp.members.find((m) => samePhone(m.mobile, phone) && m.activation !== "exited");
  const byLinkedPhone = corp.members.find((m) => m.wechatUserId !== null && samePhone(m.linkedPhone, phone));
  return { byMobile, byLinkedPhone };
}

/** Following the enterprise account (scanning its join QR, or 「长按识别二维码关注」). */
export function follow(sim: Sim, corp: Corp, wechatUser: WechatUser): FollowResult {
  const current = linkedMember(corp, wechatUser);
  if (current) return { result: "already_following", userid: current.userid };
  const { byMobile, byLinkedPhone } = membersForPhone(corp, wechatUser.phone);
  const otherVerified = byLinkedPhone && byLinkedPhone !== byMobile;
  if (byMobile && byMobile.enable === 1 && !otherVerified) {
    if (byMobile.wechatUserId === null) {
      link(sim, corp, byMobile, wechatUser, wechatUser.phone);
      return { result: "followed", userid: byMobile.userid, secondVerificationUrl: secondVerificationLink(sim, corp, byMobile) };
    }
    markUnidentified(sim, corp, wechatUser, "member_followed_elsewhere");
    return { result: "followed_without_apps" };
  }
  markUnidentified(sim, corp, wechatUser, "needs_verification");
  return { result: "needs_verification" };
}

function requireFollowingUnidentified(corp: Corp, wechatUser: WechatUser): void {
  if (linkedMember(corp, wechatUser)) throw new WechatError("already_following", "您已关注该企业号，无需验证");
  if (!corp.unidentifiedFollowers.some((f) => f.wechatUserId === wechatUser.id)) throw new WechatError("not_following", "请先关注企业号");
}

/** Which member a 关注身份验证 with `phone` is about, or the refusal the manuals show. */
function verificationTarget(corp: Corp, phone: string): Member {
  const { byMobile, byLinkedPhone } = membersForPhone(corp, phone);
  if (byMobile && byLinkedPhone && byLinkedPhone !== byMobile) throw new WechatError("phone_verified_by_other", "手机号已被其他成员验证");
  const target = byMobile ?? byLinkedPhone;
  if (!target) throw new WechatError("phone_not_in_directory", "该手机号不存在于企业通讯录中");
  if (target.enable === 0) throw new WechatError("member_disabled", "该成员已被禁用，请联系管理员");
  return target;
}

/** 【获取验证码】: checks the phone and sends a 6-digit code to it (see the SMS outbox). */
export function startVerification(sim: Sim, corp: Corp, wechatUser: WechatUser, phone: string): { sentTo: string } {
  requireFollowingUnidentified(corp, wechatUser);
  verificationTarget(corp, phone);
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  sim.state.smsCodes = sim.state.smsCodes.filter((c) => !(c.wechatUserId === wechatUser.id && c.corpid === corp.corpid));
  sim.state.smsCodes.push({
    wechatUserId: wechatUser.id,
    corpid: corp.corpid,
    phone,
    code,
    expiresAt: simNow(sim) + SMS_CODE_TTL_MS,
    attempts: 0,
  });
  sendSms(sim, phone, `【企业微信】验证码 ${code}，用于「${corp.name}」关注身份验证，5 分钟内有效。`);
  return { sentTo: phone };
}

export type VerifyResult =
  { result: "followed"; userid: string; secondVerificationUrl: string | null } | { result: "verified_without_apps" };

/** 【验证】: the right code links the member; UCAS FAQ 6 "succeeds" without linking. */
export function confirmVerification(sim: Sim, corp: Corp, wechatUser: WechatUser, phone: string, code: string): VerifyResult {
  requireFollowingUnidentified(corp, wechatUser);
  const entry = sim.state.smsCodes.find((c) => c.wechatUserId === wechatUser.id && c.corpid === corp.corpid && samePhone(c.phone, phone));
  if (!entry) throw new WechatError("no_code", "请先获取验证码");
  if (entry.expiresAt <= simNow(sim)) throw new WechatError("code_expired", "验证码已过期，请重新获取");
  if (entry.code !== code.trim()) {
    entry.attempts += 1;
    if (entry.attempts >= SMS_CODE_ATTEMPTS) sim.state.smsCodes = sim.state.smsCodes.filter((c) => c !== entry);
    throw new WechatError("wrong_code", "验证码错误");
  }
  sim.state.smsCodes = sim.state.smsCodes.filter((c) => c !== entry);
  const target = verificationTarget(corp, phone);
  if (target.wechatUserId !== null && target.wechatUserId !== wechatUser.id) {
    markUnidentified(sim, corp, wechatUser, "member_followed_elsewhere");
    return { result: "verified_without_apps" };
  }
  link(sim, corp, target, wechatUser, phone);
  return { result: "followed", userid: target.userid, secondVerificationUrl: secondVerificationLink(sim, corp, target) };
}

/** Releases the member's WeChat: status back to 4 (unfollow) or 5 (the member left the company). */
function release(sim: Sim, corp: Corp, wechatUser: WechatUser, activation: "pending" | "exited"): { userid: string | null } {
  corp.unidentifiedFollowers = corp.unidentifiedFollowers.filter((f) => f.wechatUserId !== wechatUser.id);
  const member = linkedMember(corp, wechatUser);
  if (!member) return { userid: null };
  const before = contactFields(member);
  const wasActive = memberStatus(member) === 1;
  member.wechatUserId = null;
  member.linkedPhone = null;
  member.awaitingSecondVerification = false;
  member.activation = activation;
  if (wasActive) sim.emit({ kind: "unsubscribe", corpid: corp.corpid, userid: member.userid });
  emitMemberUpdate(sim, corp, before, member, "wechat");
  return { userid: member.userid };
}

/** 不再关注: WeChat → 通讯录 → the corp → 设置 → 不再关注. */
export const unfollow = (sim: Sim, corp: Corp, wechatUser: WechatUser) => release(sim, corp, wechatUser, "pending");

/** 退出企业: the member leaves the company (status 5). */
export const exitCorp = (sim: Sim, corp: Corp, wechatUser: WechatUser) => release(sim, corp, wechatUser, "exited");

/**
 * The member changes the mobile in their own profile: for an activated member only they can
 * (「若成员已激活企业微信，则需成员自行修改」, reference §11.1, OFF 90197). The phone the WeChat
 * was linked with stays as it was.
 */
export function changeOwnMobile(sim: Sim, corp: Corp, wechatUser: WechatUser, mobile: string): { userid: string; mobile: string } {
  const member = linkedMember(corp, wechatUser);
  if (!member) throw new WechatError("not_member", "您不是该企业的成员");
  if (!isValidWecomMobile(mobile)) throw new WechatError("mobile_invalid", "手机号格式不正确");
  if (corp.members.some((m) => m !== member && samePhone(m.mobile, mobile)))
    throw new WechatError("mobile_taken", "该手机号已被企业内其他成员使用");
  const before = contactFields(member);
  member.mobile = mobile;
  emitMemberUpdate(sim, corp, before, member, "wechat");
  return { userid: member.userid, mobile };
}

/**
 * After the directory changes a mobile: an unidentified follower whose WeChat phone is now a
 * free member's mobile follows at once (UCAS FAQ 5 方法四 / FAQ 6 方法二: the school saves the
 * right phone and the student follows without verification).
 */
export function matchUnidentifiedFollowers(sim: Sim, corp: Corp): void {
  for (const follower of [...corp.unidentifiedFollowers]) {
    if (follower.reason !== "needs_verification") continue;
    const wechatUser = sim.state.wechatUsers.find((u) => u.id === follower.wechatUserId);
    if (!wechatUser) continue;
    const { byMobile, byLinkedPhone } = membersForPhone(corp, wechatUser.phone);
    if (byMobile && byMobile.wechatUserId === null && byMobile.enable === 1 && (!byLinkedPhone || byLinkedPhone === byMobile)) {
      link(sim, corp, byMobile, wechatUser, wechatUser.phone);
    }
  }
}

export type ScanResult =
  | { kind: "redirect"; location: string }
  | { kind: "follow"; corpid: string; follow: FollowResult }
  | { kind: "open"; location: string }
  | { kind: "error"; message: string };

/** What WeChat's 扫一扫 does with a link: OAuth → redirect with a code, a join QR → follow, anything else → open it. */
export function scan(sim: Sim, wechatUser: WechatUser, link: string): ScanResult {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return { kind: "error", message: "无法识别的二维码" };
  }
  const own = url.origin === new URL(sim.baseUrl).origin;
  if ((own || url.host === "open.weixin.qq.com") && url.pathname === "/connect/oauth2/authorize") {
    const result = authorize(sim, wechatUser, url.searchParams);
    return result.ok ? { kind: "redirect", location: result.location } : { kind: "error", message: result.message };
  }
  if ((own || url.host === "work.weixin.qq.com") && url.pathname === "/wework_admin/genqrcode") {
    const found = resolveJoinQr(sim, url.searchParams.get("vcode"));
    if ("error" in found) return { kind: "error", message: found.error };
    return { kind: "follow", corpid: found.corp.corpid, follow: follow(sim, found.corp, wechatUser) };
  }
  return { kind: "open", location: url.toString() };
}

export type CorpView = {
  corpid: string;
  corpName: string;
  /** none: not following; unidentified: follows, sees the assistant app only; member: follows as `userid`. */
  relation: "none" | "unidentified" | "member";
  userid: string | null;
  status: number | null;
  awaitingSecondVerification: boolean;
  apps: { agentid: number; name: string; homeUrl: string | null; isAssistant: boolean }[];
  /** The assistant app offers 关注身份验证 to unidentified followers. */
  offersFollowVerification: boolean;
  inbox: ReturnType<typeof inboxOf>;
};

/** What the WeChat user sees of a corp: the enterprise account's app list and the member's inbox. */
export function corpView(sim: Sim, corp: Corp, wechatUser: WechatUser): CorpView {
  const member = linkedMember(corp, wechatUser);
  const unidentified = corp.unidentifiedFollowers.some((f) => f.wechatUserId === wechatUser.id);
  const assistants = corp.apps.filter((a) => a.enabled && a.isAssistant);
  const status = member ? memberStatus(member) : null;
  const apps =
    member && status === 1
      ? corp.apps.filter((a) => a.enabled && isMemberVisible(corp, a, member))
      : member || unidentified
        ? assistants
        : [];
  return {
    corpid: corp.corpid,
    corpName: corp.name,
    relation: member ? "member" : unidentified ? "unidentified" : "none",
    userid: member?.userid ?? null,
    status,
    awaitingSecondVerification: member?.awaitingSecondVerification ?? false,
    apps: apps.map((a) => ({ agentid: a.agentid, name: a.name, homeUrl: a.homeUrl, isAssistant: a.isAssistant })),
    offersFollowVerification: !member && unidentified,
    inbox: member ? inboxOf(corp, member.userid) : [],
  };
}

export function corpsOf(sim: Sim, wechatUser: WechatUser): Corp[] {
  return sim.state.corps.filter(
    (c) => c.members.some((m) => m.wechatUserId === wechatUser.id) || c.unidentifiedFollowers.some((f) => f.wechatUserId === wechatUser.id),
  );
}

export function requireCorp(sim: Sim, corpid: string): Corp {
  const corp = findCorp(sim.state, corpid);
  if (!corp) throw new WechatError("no_corp", "企业不存在");
  return corp;
}
