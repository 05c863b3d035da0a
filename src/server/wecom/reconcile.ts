// The periodic reconciliation (WECOM_RECONCILE_HOURS, default 6): callbacks get
// lost and watches end, so every connected school's members are read again with
// the assistant app's token (reference §7.5: never with the contact-sync token).
// The app's visible range (agent/get) is listed with status (user/list per
// visible department, user/get per visible user); a synced member WeCom did not
// list is read alone (a bounded number per run) to tell "not in WeCom" (60111)
// from "outside the app's visible range" (60011), which the admin must fix.
import type { WecomState } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import {
  isNotInWecom,
  OUT_OF_RANGE_ERRCODE,
  readWecomState,
  recordStates,
  recordWecomState,
  recordWritten,
  STATE_OF_STATUS,
} from "./member-record";
import { WecomApiError } from "./errors";
import { wecomClientFor } from "./client-for";
import { type SyncDeps, type WecomJobScope } from "./sync-deps";

export const DEFAULT_RECONCILE_READS = 200;

export async function reconcileSchool(scope: WecomJobScope): Promise<void> {
  const { db } = scope;
  const tenantId = scope.tenant.id;
  const client = await wecomClientFor(scope, scope.wecom);
  const members = await db.member.findMany({
    where: { wecomUserId: { not: null } },
    select: { id: true, wecomUserId: true },
    orderBy: { account: "asc" },
  });
  await db.memberWecom.createMany({ data: members.map((m) => ({ tenantId, memberId: m.id })), skipDuplicates: true });
  // Records written after this (a callback, a watch, a sync) are newer than the listing and stay.
  const listedAt = new Date();
  const agent = await client.getAgent();
  const listed = new Map<string, 1 | 2 | 4 | 5>();
  for (const department of agent.visibleDepartments) {
    for (const user of await client.listVisibleUsers(department)) listed.set(user.userid.toLowerCase(), user.status);
  }
  for (const userid of agent.visibleUsers) {
    if (listed.has(userid.toLowerCase())) continue;
    try {
      listed.set(userid.toLowerCase(), (await client.getUser(userid)).status);
    } catch (error) {
      // A visible user who has since left WeCom: the members' own reads below tell.
      if (!(isNotInWecom(error) || (error instanceof WecomApiError && error.errcode === OUT_OF_RANGE_ERRCODE))) throw error;
    }
  }

  const byState = new Map<WecomState, string[]>();
  const unlisted: { id: string; wecomUserId: string }[] = [];
  for (const member of members) {
    const status = listed.get(member.wecomUserId!.toLowerCase());
    if (status === undefined) unlisted.push({ id: member.id, wecomUserId: member.wecomUserId! });
    else byState.set(STATE_OF_STATUS[status], [...(byState.get(STATE_OF_STATUS[status]) ?? []), member.id]);
  }
  for (const [state, memberIds] of byState) {
    // What was recorded after the listing began (a callback, a watch) stays (member-record.ts).
    await recordStates(db, { memberIds, state, at: listedAt, source: "RECONCILE" });
  }

  const counts = { outOfRange: 0, notInWecom: 0, other: 0 };
  const reads = unlisted.slice(0, scope.wecom.reconcileReadsPerRun ?? DEFAULT_RECONCILE_READS);
  for (const member of reads) {
    const said = await readWecomState(client, member.wecomUserId, "RECONCILE");
    await recordWecomState(db, { tenantId, memberId: member.id }, said);
    if (said.state === "OUT_OF_RANGE") counts.outOfRange++;
    else if (said.state === "NOT_IN_WECOM") {
      counts.notInWecom++;
      // WeCom no longer holds what the product wrote: the next sync creates the member again.
      await recordWritten(db, { tenantId, memberId: member.id }, null);
    } else counts.other++;
  }
  await audit(db, {
    actorKind: "system",
    action: "wecom.reconcile",
    detail: { visible: listed.size, members: members.length, ...counts, unread: unlisted.length - reads.length, closed: agent.closed },
  });
}

/** The schedule's tick: a reconciliation for every active school whose connection is complete and not paused. */
export async function reconcileAllSchools(deps: SyncDeps, send: (tenantId: string) => Promise<unknown>): Promise<void> {
  const schools = await deps.prisma.wecomConnection.findMany({
    where: { tenant: { status: "ACTIVE" }, corpId: { not: null }, agentId: { not: null }, appSecretEnc: { not: null }, authFailedAt: null },
    select: { tenantId: true },
  });
  for (const school of schools) await send(school.tenantId);
}
