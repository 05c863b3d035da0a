// Every school's health on one page (/vendor/health): members and their activation funnel, today's
// code messages against the school's budget, and its integrations — WeCom (the newest token, a
// secret WeCom refused, failed jobs and the last failure) and the unified login (its last
// 【测试连接】). Each problem is named by a message key with the link where it is acted on; the
// schools with problems come first. A fixed number of grouped queries, whatever the number of
// schools: the funnel by members/funnel.ts (activationFunnelBySchool), the budgets by codes/budgets.ts.
import { IdentityProviderKind } from "~/generated/prisma/enums";
import { z } from "zod";
import { budgetUsageOutput, schoolsCodeBudget } from "~/server/codes/budgets";
import { activationFunnelBySchool, FUNNEL_STEPS } from "~/server/members/funnel";
import type { PlatformScope } from "~/server/scope";
import { platformOrigin } from "./public-origin";

export const HEALTH_PROBLEMS = [
  "wecomAuthFailed",
  "idpTestFailed",
  "codesSpent",
  "wecomJobsFailed",
  "idpNotTested",
  "codesWarning",
] as const;
export type HealthProblemKey = (typeof HEALTH_PROBLEMS)[number];

/** Members cannot get in (or codes stop) until it is fixed: danger; the rest: warning. */
const DANGER = new Set<HealthProblemKey>(["wecomAuthFailed", "idpTestFailed", "codesSpent"]);

const problemOutput = z.object({
  key: z.enum(HEALTH_PROBLEMS),
  severity: z.enum(["danger", "warning"]),
  vars: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Where the operator acts on it: a vendor page, or the school's own back office. */
  href: z.string(),
});
export type HealthProblem = z.infer<typeof problemOutput>;

export const schoolHealthOutput = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  nameEn: z.string(),
  status: z.enum(["ACTIVE", "SUSPENDED", "DELETED"]),
  members: z.number(),
  funnel: z.array(z.object({ key: z.enum(FUNNEL_STEPS), value: z.number() })),
  codes: budgetUsageOutput,
  wecom: z.object({
    connected: z.boolean(),
    /** When the newest access token was fetched; null: never. */
    tokenAt: z.date().nullable(),
    failedJobs: z.number(),
    lastError: z.string().nullable(),
    lastErrorEn: z.string().nullable(),
  }),
  idp: z.object({ kind: z.enum(IdentityProviderKind), lastTestAt: z.date().nullable(), lastTestOk: z.boolean().nullable() }),
  problems: z.array(problemOutput),
});
export type SchoolHealth = z.infer<typeof schoolHealthOutput>;

type FailedJobs = { tenantId: string; failed: bigint; lastError: string | null; lastErrorEn: string | null };

/** Failed WeCom jobs of each school: how many, and the newest one's failure. */
async function failedWecomJobs({ prisma }: PlatformScope): Promise<Map<string, FailedJobs>> {
  const rows = await prisma.$queryRawUnsafe<FailedJobs[]>(
    `SELECT DISTINCT ON ("tenantId") "tenantId"::text AS "tenantId",
            count(*) OVER (PARTITION BY "tenantId") AS failed, "lastError", "lastErrorEn"
       FROM "WecomJob" WHERE state = 'FAILED'
      ORDER BY "tenantId", "updatedAt" DESC`,
  );
  return new Map(rows.map((row) => [row.tenantId, row]));
}

function problemsOf(school: Omit<SchoolHealth, "problems">, wecomAuthFailure: string | null): HealthProblem[] {
  const back = (path: string) => `${platformOrigin(school.slug)}${path}`;
  const identity = `/vendor/schools/${school.id}/identity`;
  const found: [HealthProblemKey, Record<string, string | number>, string][] = [];
  if (wecomAuthFailure !== null) found.push(["wecomAuthFailed", { failure: wecomAuthFailure }, back("/admin/wecom")]);
  if (school.idp.lastTestOk === false) found.push(["idpTestFailed", {}, identity]);
  if (school.codes.level === "spent") found.push(["codesSpent", { sent: school.codes.sent, budget: school.codes.budget }, back("/admin")]);
  if (school.wecom.failedJobs > 0)
    found.push(["wecomJobsFailed", { count: school.wecom.failedJobs, error: school.wecom.lastError ?? "" }, back("/admin/wecom")]);
  if (school.idp.kind !== "BUILTIN" && school.idp.lastTestAt === null) found.push(["idpNotTested", {}, identity]);
  if (school.codes.level === "warning")
    found.push(["codesWarning", { sent: school.codes.sent, budget: school.codes.budget }, back("/admin")]);
  return found.map(([key, vars, href]) => ({ key, severity: DANGER.has(key) ? "danger" : "warning", vars, href }));
}

const dangers = (s: SchoolHealth) => s.problems.filter((p) => p.severity === "danger").length;

/** The schools with problems first (the most dangers, then the most problems), the rest by slug. */
export function byHealth(a: SchoolHealth, b: SchoolHealth): number {
  return dangers(b) - dangers(a) || b.problems.length - a.problems.length || a.slug.localeCompare(b.slug);
}

export async function schoolHealth(platform: PlatformScope): Promise<SchoolHealth[]> {
  const { prisma } = platform;
  const tenants = await prisma.tenant.findMany({
    where: { status: { not: "DELETED" } },
    select: {
      id: true,
      slug: true,
      name: true,
      nameEn: true,
      status: true,
      identityProvider: { select: { kind: true, lastTestAt: true, lastTestOk: true } },
      wecomConnection: { select: { corpId: true, authFailure: true, authFailedAt: true } },
      codePolicy: { select: { dailyBudget: true } },
    },
  });
  const ids = tenants.map((t) => t.id);
  const [funnels, budgets, failed, tokens] = await Promise.all([
    activationFunnelBySchool(prisma, ids),
    schoolsCodeBudget(
      prisma,
      tenants.map((t) => ({ id: t.id, dailyBudget: t.codePolicy?.dailyBudget ?? 5000 })),
    ),
    failedWecomJobs(platform),
    prisma.wecomToken.groupBy({ by: ["tenantId"], where: { tenantId: { in: ids } }, _max: { updatedAt: true } }),
  ]);
  const tokenAt = new Map(tokens.map((t) => [t.tenantId, t._max.updatedAt]));
  const schools = tenants.map((t) => {
    const funnel = funnels.get(t.id) ?? [];
    const jobs = failed.get(t.id);
    const health: Omit<SchoolHealth, "problems"> = {
      id: t.id,
      slug: t.slug,
      name: t.name,
      nameEn: t.nameEn,
      status: t.status,
      members: funnel.find((step) => step.key === "imported")?.value ?? 0,
      funnel,
      codes: budgets.get(t.id)!,
      wecom: {
        connected: Boolean(t.wecomConnection?.corpId),
        tokenAt: tokenAt.get(t.id) ?? null,
        failedJobs: Number(jobs?.failed ?? 0),
        lastError: jobs?.lastError ?? null,
        lastErrorEn: jobs?.lastErrorEn ?? null,
      },
      idp: {
        kind: t.identityProvider?.kind ?? "BUILTIN",
        lastTestAt: t.identityProvider?.lastTestAt ?? null,
        lastTestOk: t.identityProvider?.lastTestOk ?? null,
      },
    };
    const authFailure = t.wecomConnection?.authFailedAt ? (t.wecomConnection.authFailure ?? "?") : null;
    return { ...health, problems: problemsOf(health, authFailure) };
  });
  return schools.sort(byHealth);
}
