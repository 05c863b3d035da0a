// 开通向导: the steps a school takes from the vendor's invitation to its first member in WeCom,
// each found by the product rather than ticked by hand — the last 【测试连接】 of WeCom and of the
// unified login (and a real sign-in through the school's server), the directory, how much of it
// WeCom holds and the sync jobs that failed, the assistant app's visible range, a download of the
// registration code from the back office, and a member who follows. Each step that is not done
// links to the page where it is done. Reads only: nothing here calls WeCom or the school.
import { z } from "zod";
import { translator, type MessageKey } from "~/i18n/messages";
import { checklist, type Check, type CheckStatus, type Checklist } from "~/server/checks/check";
import { schoolUsesProvider } from "~/server/identity/kind-provider";
import { IDENTITY_PROTOCOLS } from "~/server/identity/protocols";
import { QUEUES } from "~/server/jobs/queue";
import type { TenantScope } from "~/server/scope";
import { chinaTime } from "~/i18n/locale";

export const GO_LIVE_STEPS = ["wecom", "identity", "roster", "sync", "visibleRange", "qr", "firstFollow"] as const;
export type GoLiveStep = (typeof GO_LIVE_STEPS)[number];

const LINKS: Record<GoLiveStep, string> = {
  wecom: "/admin/wecom",
  identity: "/admin/identity",
  roster: "/admin/import",
  sync: "/admin/wecom",
  visibleRange: "/admin/wecom",
  qr: "/admin/qr",
  firstFollow: "/admin/qr",
};

type Found = { status: CheckStatus; detail: MessageKey; vars?: Record<string, string | number> };

const storedChecks = z.array(z.object({ id: z.string(), status: z.string() }));

/** The WeCom checks that make the connection (the visible range is a step of its own). */
const CONNECTION_CHECKS = ["settings", "appSecret", "app", "contactSecret", "contactAccess", "contactWrite"];

async function wecomSteps(scope: TenantScope, when: (d: Date) => string): Promise<{ wecom: Found; visibleRange: Found }> {
  const row = await scope.db.wecomConnection.findUnique({
    where: { tenantId: scope.tenant.id },
    select: { lastTestAt: true, lastTestChecks: true },
  });
  const checks = storedChecks.safeParse(row?.lastTestChecks);
  if (!row?.lastTestAt || !checks.success) {
    return {
      wecom: { status: "failed", detail: "goLive.wecom.never" },
      visibleRange: { status: "skipped", detail: "goLive.visibleRange.never" },
    };
  }
  const at = when(row.lastTestAt);
  const failing = checks.data.filter((c) => CONNECTION_CHECKS.includes(c.id) && c.status !== "passed");
  const t = translator(scope.locale);
  const names = failing.map((c) => t(`diagnosis.title.${c.id}` as MessageKey)).join("、");
  const range = checks.data.find((c) => c.id === "visibleRange");
  return {
    wecom:
      failing.length === 0
        ? { status: "passed", detail: "goLive.wecom.ok", vars: { at } }
        : { status: "failed", detail: "goLive.wecom.failed", vars: { at, checks: names } },
    visibleRange:
      range?.status === "passed"
        ? { status: "passed", detail: "goLive.visibleRange.ok" }
        : range && range.status !== "skipped"
          ? { status: "failed", detail: "goLive.visibleRange.failed" }
          : { status: "skipped", detail: "goLive.visibleRange.never" },
  };
}

async function identityStep(scope: TenantScope, when: (d: Date) => string): Promise<Found> {
  // A protocol with checks of its own reaches a school's server (identity/protocol.ts).
  let usesSchoolServer = false;
  for (const p of IDENTITY_PROTOCOLS) if (p.checks && (await schoolUsesProvider(scope, p.kind))) usesSchoolServer = true;
  if (!usesSchoolServer) return { status: "passed", detail: "goLive.identity.builtin" };
  const row = await scope.db.identityProviderSettings.findUnique({
    where: { tenantId: scope.tenant.id },
    select: { lastTestAt: true, lastTestOk: true },
  });
  if (!row?.lastTestAt) return { status: "failed", detail: "goLive.identity.never" };
  const at = when(row.lastTestAt);
  if (!row.lastTestOk) return { status: "failed", detail: "goLive.identity.failed", vars: { at } };
  // Every sign-in through the school's CAS or OIDC leaves a session record (sso-sessions.ts).
  const count = await scope.db.ssoSession.count();
  return count > 0
    ? { status: "passed", detail: "goLive.identity.ok", vars: { count } }
    : { status: "warning", detail: "goLive.identity.noSignIn", vars: { at } };
}

async function directorySteps(scope: TenantScope): Promise<{ roster: Found; sync: Found; firstFollow: Found }> {
  const [total, written, failed, following] = await Promise.all([
    scope.db.member.count(),
    scope.db.memberWecom.count({ where: { writtenAt: { not: null } } }),
    scope.db.wecomJob.count({ where: { queue: QUEUES.wecomSync, state: "FAILED" } }),
    scope.db.memberWecom.count({ where: { state: "ACTIVATED" } }),
  ]);
  const sync: Found =
    total === 0
      ? { status: "skipped", detail: "goLive.sync.none" }
      : failed > 0
        ? { status: "failed", detail: "goLive.sync.failed", vars: { failed } }
        : { status: written >= total ? "passed" : "warning", detail: "goLive.sync.progress", vars: { written, total } };
  return {
    roster:
      total > 0
        ? { status: "passed", detail: "goLive.roster.ok", vars: { count: total } }
        : { status: "failed", detail: "goLive.roster.none" },
    sync,
    firstFollow:
      following > 0
        ? { status: "passed", detail: "goLive.firstFollow.ok", vars: { count: following } }
        : { status: "failed", detail: "goLive.firstFollow.none" },
  };
}

async function qrStep(scope: TenantScope, when: (d: Date) => string): Promise<Found> {
  const download = await scope.db.auditLog.findFirst({
    where: { action: "tenant.qr.downloaded" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return download
    ? { status: "passed", detail: "goLive.qr.ok", vars: { at: when(download.createdAt) } }
    : { status: "failed", detail: "goLive.qr.never" };
}

export async function goLiveChecklist(scope: TenantScope): Promise<Checklist<GoLiveStep> & { done: number }> {
  const when = (date: Date) => chinaTime(scope.locale, date);
  const [{ wecom, visibleRange }, identity, { roster, sync, firstFollow }, qr] = await Promise.all([
    wecomSteps(scope, when),
    identityStep(scope, when),
    directorySteps(scope),
    qrStep(scope, when),
  ]);
  const found: Record<GoLiveStep, Found> = { wecom, identity, roster, sync, visibleRange, qr, firstFollow };
  const t = translator(scope.locale);
  const checks: Check<GoLiveStep>[] = GO_LIVE_STEPS.map((id) => ({
    id,
    status: found[id].status,
    title: t(`goLive.title.${id}`),
    detail: t(found[id].detail, found[id].vars),
    steps: [],
    link: { href: LINKS[id], label: t(`goLive.${id}.link` as MessageKey) },
  }));
  const done = checks.filter((c) => c.status === "passed").length;
  return { ...checklist(checks, { allClear: t("goLive.allDone"), warnings: "matter", locale: scope.locale }), done };
}
