// batch/invite and the join QR code (reference §4). An invitation reaches the member by WeChat
// when a simulated WeChat user has the member's phone, else by SMS (shown in the outbox) or email.
// A member is invited once (user/create's to_invite, which defaults to true, or batch/invite);
// inviting again sends nothing new. One notice goes at once, then one a day while the member has
// not joined, 3 in all (reference §4.1, §7.5; OFF 90975/91127, 90195).
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { type Sim, simNow } from "./context";
import { wecomError } from "./errors";
import { samePhone } from "./phone";
import { DAY } from "./rate-limits";
import { type Corp, findMember, type Invitation, type Member, memberStatus } from "./state";
import { sendSms } from "./sms";
import type { Caller } from "./tokens";
import { isDepartmentVisible, isInSubtree, isMemberVisible } from "./visibility";

const JOIN_QR_TTL_MS = 7 * 86_400_000;
const SIZES: Record<number, number> = { 1: 171, 2: 399, 3: 741, 4: 2052 };

const inviteInput = z.looseObject({ user: z.unknown().optional(), party: z.unknown().optional(), tag: z.unknown().optional() });

function asList(value: unknown): string[] {
  if (value === undefined) return [];
  // The lists are JSON arrays; "a|b" strings (message/send's style) are refused with 40035.
  if (!Array.isArray(value)) throw wecomError(40035, "user, party and tag must be JSON arrays");
  return value.map((v) => String(v));
}

export function invite(sim: Sim, caller: Caller, body: unknown) {
  const parsed = inviteInput.safeParse(body);
  if (!parsed.success) throw wecomError(40058);
  const users = asList(parsed.data.user);
  const parties = asList(parsed.data.party);
  const tags = asList(parsed.data.tag);
  if (users.length + parties.length + tags.length === 0) throw wecomError(82001);
  if (users.length > 1000 || parties.length > 100 || tags.length > 100)
    throw wecomError(40035, "at most 1000 users, 100 departments and 100 tags");
  const { corp, app } = caller;
  const invaliduser: string[] = [];
  const invalidparty: number[] = [];
  const targets = new Set<string>();
  const canSee = (userid: string) => {
    const m = findMember(corp, userid);
    return m && (!app || isMemberVisible(corp, app, m)) && memberStatus(m) !== 2 && memberStatus(m) !== 5 ? m : undefined;
  };
  for (const userid of users) {
    const m = canSee(userid);
    if (m) targets.add(m.userid);
    else invaliduser.push(userid);
  }
  for (const raw of parties) {
    const id = Number(raw);
    if (!Number.isInteger(id) || !corp.departments.some((d) => d.id === id) || (app && !isDepartmentVisible(corp, app, id))) {
      invalidparty.push(Number.isInteger(id) ? id : -1);
      continue;
    }
    for (const m of corp.members) if (m.department.some((d) => isInSubtree(corp, d, id)) && canSee(m.userid)) targets.add(m.userid);
  }
  for (const userid of targets) {
    const member = findMember(corp, userid);
    if (member) inviteMember(sim, corp, member);
  }
  return { invaliduser, invalidparty, invalidtag: tags.map(Number) };
}

const NOTICES = 3;

function sendNotice(sim: Sim, corp: Corp, member: Member, invitation: Invitation, at: number): void {
  invitation.notices.push({ at });
  if (invitation.channel === "sms" && member.mobile) {
    sendSms(sim, member.mobile, `【企业微信】${member.name}，${corp.name} 邀请你加入企业微信，扫描企业的加入二维码即可加入。`);
  }
}

/** Invites a member who has not joined, once: a member already invited (or joined) gets nothing new. */
export function inviteMember(sim: Sim, corp: Corp, member: Member): void {
  if (memberStatus(member) === 1) return;
  if (corp.invitations.some((i) => i.memberKey === member.open_userid)) return;
  const t = simNow(sim);
  const onWechat = member.mobile && sim.state.wechatUsers.some((u) => samePhone(u.phone, member.mobile));
  const channel = onWechat ? "wechat" : member.mobile ? "sms" : "email";
  const invitation: Invitation = { userid: member.userid, memberKey: member.open_userid, at: t, channel, notices: [] };
  corp.invitations.push(invitation);
  sendNotice(sim, corp, member, invitation, t);
}

/**
 * Sends the daily notices that have come due on the simulator's clock (day 1 and day 2 after the
 * invitation), to members who still exist, are enabled and have not joined.
 */
export function sendDueInvitationNotices(sim: Sim): void {
  const t = simNow(sim);
  for (const corp of sim.state.corps) {
    for (const invitation of corp.invitations) {
      while (invitation.notices.length < NOTICES) {
        const due = invitation.at + invitation.notices.length * DAY;
        if (due > t) break;
        const member = corp.members.find((m) => m.open_userid === invitation.memberKey);
        // Joined, disabled, left or deleted: no notice.
        if (!member || memberStatus(member) !== 4) break;
        sendNotice(sim, corp, member, invitation, due);
      }
    }
  }
}

export function joinQrCode(sim: Sim, caller: Caller, sizeType: string | null) {
  if (!caller.isContactSync) throw wecomError(48002, "corp/get_join_qrcode needs the contact-sync token");
  const size = sizeType === null || sizeType === "" ? 3 : Number(sizeType);
  if (!SIZES[size]) throw wecomError(40058, "size_type must be 1, 2, 3 or 4");
  return { join_qrcode: issueJoinQr(sim, caller.corp, size) };
}

export function issueJoinQr(sim: Sim, corp: Corp, sizeType = 3): string {
  const t = simNow(sim);
  corp.joinQrTickets = corp.joinQrTickets.filter((q) => q.expiresAt > t - JOIN_QR_TTL_MS);
  const ticket = randomBytes(16).toString("hex");
  corp.joinQrTickets.push({ ticket, sizeType, expiresAt: t + JOIN_QR_TTL_MS });
  return `${sim.baseUrl}/wework_admin/genqrcode?action=join&vcode=${ticket}&r=${SIZES[sizeType] ?? 741}`;
}

export type JoinQrLookup = { corp: Corp } | { error: string };

/** The corp a join QR link belongs to, or why it no longer works (7 days). */
export function resolveJoinQr(sim: Sim, vcode: string | null): JoinQrLookup {
  for (const corp of sim.state.corps) {
    const q = corp.joinQrTickets.find((x) => x.ticket === vcode);
    if (q) return q.expiresAt > simNow(sim) ? { corp } : { error: "该二维码已过期" };
  }
  return { error: "二维码无效" };
}
