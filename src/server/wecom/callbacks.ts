// WeCom's calls to the product (reference §7): the URL check (echostr) and
// encrypted events. Every message is verified (msg_signature) before any XML
// parser sees it (the Encrypt value is cut out of the envelope), decrypted,
// checked to be for this corp, refused when its timestamp is stale, applied
// once (a receipt per event, so retries and replays change nothing), and
// turned into the member's WeCom state (member-record.ts) unless the product
// already holds something WeCom said later.
import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import type { PrismaClient, WecomState } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { encryptionKey } from "~/server/crypto/keys";
import { decryptSecret } from "~/server/crypto/secrets";
import type { ScopeActor, TenantScope } from "~/server/scope";
import { CallbackCryptoError, openCallback, type CallbackKeys } from "./callback-crypto";
import { recordWecomState, recordWritten, STATE_OF_STATUS } from "./member-record";
import { sendStatusJob } from "./status-jobs";
import { wecomSealContext } from "./seals";

export type CallbackOutcome = { status: 200; body: string } | { status: 400 | 403 | 404; body: string };

/** How far a callback's timestamp may be from now: WeCom retries within seconds. */
export const CALLBACK_WINDOW_SECONDS = 300;
export const MAX_CALLBACK_BYTES = 64 * 1024;

const queryInput = z.object({
  msg_signature: z.string().regex(/^[0-9a-fA-F]{40}$/),
  timestamp: z.string().regex(/^\d{1,12}$/),
  nonce: z.string().min(1).max(64),
  echostr: z.string().max(4096).optional(),
});

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, processEntities: false, trimValues: true });

function parseXml(xml: string): Record<string, string> | null {
  try {
    const doc = parser.parse(xml) as { xml?: Record<string, unknown> };
    if (!doc.xml || typeof doc.xml !== "object") return null;
    return Object.fromEntries(Object.entries(doc.xml).map(([k, v]) => [k, typeof v === "string" ? v : String(v)]));
  } catch {
    return null;
  }
}

/** Who receives WeCom's callbacks in a school's scope: the platform, in log lines. */
export const WECOM_CALLBACK: Extract<ScopeActor, { kind: "system" }> = { kind: "system", id: "wecom-callback", ip: null };

/**
 * The school a callback URL names, with its callback keys, in one small read (as a host is resolved
 * to its school: before any school is known, so with the plain client): "unknown" for no active
 * school of that slug, "unconfigured" for one without keys. Looked up before the body is read; the
 * school's scope is built only for a message its keys open.
 */
export async function loadCallbackReceiver(
  prisma: PrismaClient,
  slug: string,
): Promise<{ tenantId: string; keys: CallbackKeys } | "unknown" | "unconfigured"> {
  const tenant = await prisma.tenant.findUnique({
    where: { slug },
    select: { id: true, status: true, wecomConnection: { select: { corpId: true, callbackTokenEnc: true, callbackAesKeyEnc: true } } },
  });
  if (!tenant || tenant.status !== "ACTIVE") return "unknown";
  const connection = tenant.wecomConnection;
  if (!connection?.corpId || !connection.callbackTokenEnc || !connection.callbackAesKeyEnc) return "unconfigured";
  const key = encryptionKey();
  return {
    tenantId: tenant.id,
    keys: {
      token: decryptSecret(connection.callbackTokenEnc, key, wecomSealContext("callbackTokenEnc", tenant.id)),
      encodingAesKey: decryptSecret(connection.callbackAesKeyEnc, key, wecomSealContext("callbackAesKeyEnc", tenant.id)),
      receiveId: connection.corpId,
    },
  };
}

// The envelope is <xml><ToUserName/><AgentID/><Encrypt/></xml>; only Encrypt is
// signed, and only Encrypt is needed. A plain linear pattern over a capped body.
const ENCRYPT = /<Encrypt>\s*(?:<!\[CDATA\[([A-Za-z0-9+/=]{1,65536})\]\]>|([A-Za-z0-9+/=]{1,65536}))\s*<\/Encrypt>/g;

/** The envelope's one Encrypt value, found without parsing the unauthenticated XML. */
function encryptedOf(envelope: string): string | null {
  const found = [...envelope.matchAll(ENCRYPT)];
  if (found.length !== 1) return null;
  return found[0]![1] ?? found[0]![2] ?? null;
}

export type CallbackInput = { query: Record<string, string | undefined>; body: string | null; now?: Date };

/**
 * Checks and opens a callback with the school's keys, before anything of the school is read: the
 * URL check's answer (the echo) or a refusal, or the event of a message signed with the school's Token.
 */
export function openWecomCallback(keys: CallbackKeys, request: CallbackInput): CallbackOutcome | { event: Record<string, string> } {
  const query = queryInput.safeParse(request.query);
  if (!query.success) return { status: 400, body: "bad query" };
  const { msg_signature: signature, timestamp, nonce, echostr } = query.data;
  const now = request.now ?? new Date();
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > CALLBACK_WINDOW_SECONDS) return { status: 403, body: "stale timestamp" };

  try {
    if (request.body === null) {
      if (!echostr) return { status: 400, body: "missing echostr" };
      // URL verification: answer the plaintext only (no quotes, no newline).
      return { status: 200, body: openCallback({ signature, timestamp, nonce, encrypted: echostr }, keys) };
    }
    const encrypted = encryptedOf(request.body);
    if (!encrypted) return { status: 400, body: "bad envelope" };
    // Signature first: only a message signed with the school's Token reaches the XML parser.
    const event = parseXml(openCallback({ signature, timestamp, nonce, encrypted }, keys));
    if (!event) return { status: 400, body: "bad message" };
    return { event };
  } catch (error) {
    if (error instanceof CallbackCryptoError) return { status: 403, body: "invalid message" };
    throw error;
  }
}

/**
 * An opened event, in the school's scope (its jobs queue takes the status read an unsubscribe asks
 * for, sent in the event's transaction). An empty answer: received, nothing to reply, no retry.
 */
export async function applyWecomCallback(scope: TenantScope, event: Record<string, string>): Promise<CallbackOutcome> {
  await applyEvent(scope, event);
  scope.log.info({ event: event.Event ?? event.MsgType ?? null, change: event.ChangeType ?? null }, "callback applied");
  return { status: 200, body: "" };
}

/**
 * What an event says about a member. Today's contact callbacks (restricted,
 * reference §7.3) carry only UserID / Department / NewUserID and say nothing
 * about follows; the assistant app's subscribe / unsubscribe (§7.4) do. A legacy
 * ("full") contact callback's Status is still taken when it is there.
 */
type MemberEvent =
  | { kind: "said"; userid: string; state: WecomState }
  | { kind: "unsubscribe"; userid: string }
  | { kind: "deleted"; userid: string }
  | { kind: "renamed"; userid: string; newUserId: string; state?: WecomState };

function memberEvent(event: Record<string, string>): MemberEvent | null {
  if (event.MsgType !== "event") return null;
  if (event.Event === "subscribe" && event.FromUserName) return { kind: "said", userid: event.FromUserName, state: "ACTIVATED" };
  if (event.Event === "unsubscribe" && event.FromUserName) return { kind: "unsubscribe", userid: event.FromUserName };
  if (event.Event !== "change_contact" || !event.UserID) return null;
  const status = Number(event.Status);
  const state = status === 1 || status === 2 || status === 4 || status === 5 ? STATE_OF_STATUS[status] : undefined;
  switch (event.ChangeType) {
    case "create_user":
    case "update_user":
      if (event.NewUserID && event.NewUserID !== event.UserID)
        return { kind: "renamed", userid: event.UserID, newUserId: event.NewUserID, state };
      return state ? { kind: "said", userid: event.UserID, state } : null;
    case "delete_user":
      return { kind: "deleted", userid: event.UserID };
    default:
      return null;
  }
}

/** When WeCom said it: the event's CreateTime (whole seconds). */
function saidAt(event: Record<string, string>, now: Date): Date {
  const seconds = Number(event.CreateTime);
  return Number.isSafeInteger(seconds) && seconds > 0 ? new Date(seconds * 1000) : now;
}

async function applyEvent(scope: TenantScope, event: Record<string, string>): Promise<void> {
  const tenantId = scope.tenant.id;
  const dedupeKey = [event.FromUserName, event.CreateTime, event.Event, event.ChangeType, event.UserID, event.NewUserID, event.Status]
    .map((p) => p ?? "")
    .join("|")
    .slice(0, 200);
  await scope.db.$transaction(async (tx) => {
    const receipt = await tx.wecomCallbackReceipt.createMany({ data: [{ tenantId, dedupeKey }], skipDuplicates: true });
    if (receipt.count === 0) return; // delivered before
    const change = memberEvent(event);
    if (!change) return;
    const member = await tx.member.findFirst({
      where: { wecomUserId: { equals: change.userid, mode: "insensitive" } },
      select: { id: true, account: true },
    });
    if (!member) return; // someone outside the product's directory
    const ref = { tenantId, memberId: member.id };
    const said = { at: saidAt(event, new Date()), source: "CALLBACK" as const };
    // A callback counts whole seconds: it gives way only to what WeCom said in a later second.
    const record = (state: WecomState) => recordWecomState(tx, ref, { ...said, state }, { callback: true });
    let detail: Record<string, string | boolean> = {};
    switch (change.kind) {
      case "said":
        detail = { state: change.state, recorded: await record(change.state) };
        break;
      case "unsubscribe": {
        // Unfollowed, left, disabled or out of the app's range: which one, a read tells.
        const recorded = await record("UNSUBSCRIBED");
        if (recorded) await sendStatusJob(scope.jobs, tx, { kind: "member.read", ...ref });
        detail = { state: "UNSUBSCRIBED", recorded };
        break;
      }
      case "deleted": {
        const recorded = await record("NOT_IN_WECOM");
        // WeCom no longer holds what the product wrote: a later sync creates the member again.
        if (recorded) await recordWritten(tx, ref, null);
        detail = { state: "NOT_IN_WECOM", recorded };
        break;
      }
      case "renamed": {
        const holder = await tx.member.findFirst({
          where: { id: { not: member.id }, wecomUserId: { equals: change.newUserId, mode: "insensitive" } },
          select: { id: true },
        });
        // Another member's userid is never taken over: the admin sees the member unsynced instead.
        if (!holder) await tx.member.update({ where: { id: member.id }, data: { wecomUserId: change.newUserId } });
        detail = {
          newUserId: change.newUserId,
          renamed: !holder,
          ...(change.state ? { state: change.state, recorded: await record(change.state) } : {}),
        };
        break;
      }
    }
    await audit(tx, {
      actorKind: "system",
      action: `wecom.${event.Event === "change_contact" ? event.ChangeType : event.Event}`,
      target: member.account,
      detail,
    });
  });
}
