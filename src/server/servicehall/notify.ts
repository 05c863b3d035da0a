// The hall's WeCom notices (issue 19 § Notifications): each new task to its approvers and each
// decision to the applicant, as a text card linking back into the hall, sent by the durable sync
// job (wecom/sync.ts "message.textcard") written in the change's own transaction. WeCom truncates
// a card's title past 128 bytes and its description past 512 (reference §5), so the texts are cut
// to fit here, at a character boundary, with an ellipsis. Nothing is queued where it could not
// arrive: a school without a WeCom connection, or recipients none of whom is in WeCom. A member
// who unfollowed still finds the task in 待办; the notice is only a pointer to it.
import type { TenantTx } from "~/server/db/tenant-db";
import type { TenantScope } from "~/server/scope";
import { platformOrigin } from "~/server/tenants/public-origin";
import { TEXTCARD_DESCRIPTION_MAX_BYTES, TEXTCARD_TITLE_MAX_BYTES, utf8Bytes } from "~/server/wecom/message-limits";
import { enqueueWecomSync } from "~/server/wecom/sync";

/** `text` cut to at most `max` bytes of UTF-8 at a character boundary, an ellipsis marking the cut. */
export function fitBytes(text: string, max: number): string {
  if (utf8Bytes(text) <= max) return text;
  const chars = [...text];
  while (chars.length > 0 && utf8Bytes(chars.join("") + "…") > max) chars.pop();
  return chars.join("") + "…";
}

/** Plain text for a card's description, which WeCom reads as HTML-ish markup (`<br>`, `<div>`). */
const plain = (text: string) => text.replace(/[<>&]/g, " ");

export type HallNotice = { memberIds: string[]; title: string; lines: string[]; applicationId: string };

/** Queues the notice in the transaction; returns whether a job was written. */
export async function queueHallNotice(tx: TenantTx, scope: TenantScope, notice: HallNotice): Promise<boolean> {
  const connection = await tx.wecomConnection.findUnique({ where: { tenantId: scope.tenant.id }, select: { corpId: true, agentId: true } });
  if (!connection?.corpId || connection.agentId == null) return false;
  const reachable = await tx.member.findMany({
    where: { id: { in: notice.memberIds }, wecomUserId: { not: null } },
    select: { id: true },
  });
  if (reachable.length === 0) return false;
  const card = {
    title: fitBytes(plain(notice.title), TEXTCARD_TITLE_MAX_BYTES),
    description: fitBytes(notice.lines.map(plain).join("<br>"), TEXTCARD_DESCRIPTION_MAX_BYTES),
    url: `${platformOrigin(scope.tenant.slug)}/hall/a/${notice.applicationId}`,
    btntxt: "查看",
  };
  await enqueueWecomSync(scope.jobs, tx, {
    kind: "message.textcard",
    tenantId: scope.tenant.id,
    memberIds: reachable.map((m) => m.id),
    card,
  });
  return true;
}
