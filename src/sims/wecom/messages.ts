// message/send (reference §5): recipients by userid ("|"-joined, ≤ 1000, or "@all"), department
// (≤ 100) and tag (≤ 100); invalid ones are reported and the rest still receive it; 81013 when
// nobody is left. Each delivery lands in the member's inbox, which the phone page and the control
// API show. Per app and member at most 30 a minute and 1000 an hour: the excess vanishes silently.
import { createHash } from "node:crypto";
import { z } from "zod";
import { type Sim, simNow } from "./context";
import { wecomError } from "./errors";
import { DAY, HOUR, MINUTE } from "./rate-limits";
import { type App, type Corp, findMember, type InboxMessage, type Member, memberStatus } from "./state";
import type { Caller } from "./tokens";
import { isDepartmentVisible, isInSubtree, isMemberVisible } from "./visibility";

const MSGTYPES = [
  "text",
  "image",
  "voice",
  "video",
  "file",
  "textcard",
  "news",
  "mpnews",
  "markdown",
  "miniprogram_notice",
  "template_card",
] as const;

export const sendMessageInput = z.looseObject({
  touser: z.string().optional(),
  toparty: z.string().optional(),
  totag: z.string().optional(),
  msgtype: z.string().optional(),
  agentid: z.union([z.number(), z.string()]).optional(),
  safe: z.union([z.literal(0), z.literal(1)]).optional(),
  enable_duplicate_check: z.union([z.literal(0), z.literal(1)]).optional(),
  duplicate_check_interval: z
    .number()
    .int()
    .min(1)
    .max(4 * 3600)
    .optional(),
  text: z.looseObject({ content: z.string() }).optional(),
  textcard: z.looseObject({ title: z.string(), description: z.string(), url: z.string(), btntxt: z.string().optional() }).optional(),
});

const splitList = (value: string | undefined) => (value ? value.split("|").filter((x) => x !== "") : []);

/**
 * Duplicate check: the same request JSON within the interval is accepted but not delivered again.
 * Kept in memory per process (like the rate limits), keyed by corp and app.
 */
const recentRequests = new Map<string, number>();

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8, cut between characters, never inside one. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  // Step back over continuation bytes (10xxxxxx) to the start of the character that does not fit.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8");
}

function checkContent(msgtype: string, body: z.infer<typeof sendMessageInput>): unknown {
  if (msgtype === "text") {
    if (!body.text?.content) throw wecomError(40063, "text.content is required");
    // Over 2048 bytes is truncated, not refused (reference §5, §7.5; OFF 90236).
    return { content: truncateUtf8(body.text.content, 2048) };
  }
  if (msgtype === "textcard") {
    const card = body.textcard;
    if (!card?.title || !card.description || !card.url) throw wecomError(40063, "textcard needs title, description and url");
    // WeCom truncates over-long titles and descriptions rather than refusing them.
    return {
      title: truncateUtf8(card.title, 128),
      description: truncateUtf8(card.description, 512),
      url: card.url,
      btntxt: [...(card.btntxt ?? "详情")].slice(0, 4).join(""),
    };
  }
  const content: unknown = (body as Record<string, unknown>)[msgtype];
  if (content === undefined) throw wecomError(40063, `${msgtype} is required`);
  return content;
}

function resolveRecipients(corp: Corp, app: App, touser: string[], toparty: string[], totag: string[]) {
  const valid = new Map<string, Member>();
  const invaliduser: string[] = [];
  const invalidparty: string[] = [];
  const canReceive = (m: Member) => isMemberVisible(corp, app, m) && memberStatus(m) !== 2 && memberStatus(m) !== 5;
  if (touser.length === 1 && touser[0] === "@all") {
    for (const m of corp.members) if (canReceive(m)) valid.set(m.userid, m);
    return { valid, invaliduser, invalidparty, invalidtag: [] as string[] };
  }
  for (const id of touser) {
    const m = findMember(corp, id);
    if (m && canReceive(m)) valid.set(m.userid, m);
    else invaliduser.push(id.toLowerCase());
  }
  for (const raw of toparty) {
    const id = Number(raw);
    if (!Number.isInteger(id) || !corp.departments.some((d) => d.id === id) || !isDepartmentVisible(corp, app, id)) {
      invalidparty.push(raw);
      continue;
    }
    for (const m of corp.members) if (m.department.some((d) => isInSubtree(corp, d, id)) && canReceive(m)) valid.set(m.userid, m);
  }
  // The simulator has no tags, so every tag is invalid.
  return { valid, invaliduser, invalidparty, invalidtag: totag };
}

export function sendMessage(sim: Sim, caller: Caller, body: unknown) {
  if (!caller.app) throw wecomError(48002, "the contact-sync token cannot send messages");
  const parsed = sendMessageInput.safeParse(body);
  if (!parsed.success) throw wecomError(40058, parsed.error.issues[0]?.path.join(".") ?? "");
  const input = parsed.data;
  if (input.agentid === undefined || input.agentid === "") throw wecomError(40056, "agentid is required");
  const agentid = Number(input.agentid);
  if (!Number.isInteger(agentid)) throw wecomError(40056);
  if (agentid !== caller.app.agentid) throw wecomError(caller.corp.apps.some((a) => a.agentid === agentid) ? 301002 : 40056);
  if (!input.msgtype) throw wecomError(40063, "msgtype is required");
  if (!(MSGTYPES as readonly string[]).includes(input.msgtype)) throw wecomError(40058, "unknown msgtype");
  const touser = splitList(input.touser);
  const toparty = splitList(input.toparty);
  const totag = splitList(input.totag);
  if (touser.length + toparty.length + totag.length === 0) throw wecomError(82001);
  if (touser.length > 1000) throw wecomError(40032);
  if (toparty.length > 100 || totag.length > 100) throw wecomError(40035, "at most 100 departments and 100 tags");
  const content = checkContent(input.msgtype, input);
  const { corp, app } = caller as Caller & { app: App };
  const { valid, invaliduser, invalidparty, invalidtag } = resolveRecipients(corp, app, touser, toparty, totag);
  if (valid.size === 0) throw wecomError(81013);

  const t = simNow(sim);
  const dayKey = `msg-day|${corp.corpid}|${app.agentid}`;
  if (!sim.rate.take(dayKey, corp.accountCap * sim.limits.messageDeliveriesPerDayPerCap, DAY, t, valid.size)) {
    throw wecomError(45009, "the app's daily message quota is used up");
  }
  const msgid = `sim${String(sim.state.nextIds.msg++).padStart(8, "0")}`;
  const fingerprint = `${corp.corpid}|${app.agentid}|${createHash("sha1").update(JSON.stringify(body)).digest("hex")}`;
  for (const [k, until] of recentRequests) if (until <= t) recentRequests.delete(k);
  const duplicate = input.enable_duplicate_check === 1 && (recentRequests.get(fingerprint) ?? 0) > t;
  if (input.enable_duplicate_check === 1 && !duplicate)
    recentRequests.set(fingerprint, t + (input.duplicate_check_interval ?? 1800) * 1000);
  if (!duplicate) {
    for (const member of valid.values()) {
      const key = `msg|${corp.corpid}|${app.agentid}|${member.userid}`;
      const perMinute = sim.rate.take(`${key}|m`, sim.limits.messagesPerMemberPerMinute, MINUTE, t);
      const perHour = sim.rate.take(`${key}|h`, sim.limits.messagesPerMemberPerHour, HOUR, t);
      if (!perMinute || !perHour) continue;
      const message: InboxMessage = { msgid, agentid: app.agentid, userid: member.userid, msgtype: input.msgtype, content, at: t };
      corp.messages.push(message);
    }
  }
  return {
    ...(invaliduser.length ? { invaliduser: invaliduser.join("|") } : {}),
    ...(invalidparty.length ? { invalidparty: invalidparty.join("|") } : {}),
    ...(invalidtag.length ? { invalidtag: invalidtag.join("|") } : {}),
    msgid,
  };
}

export function inboxOf(corp: Corp, userid: string): InboxMessage[] {
  return corp.messages.filter((m) => m.userid.toLowerCase() === userid.toLowerCase());
}
