// The daily budgets of code messages: the school's (CodePolicy.dailyBudget, its IT office's to
// size for its intake) and the platform's (CODES_PLATFORM_DAILY_BUDGET, the operator's ceiling on
// the SMS bill). send-limits.ts counts every message against both; here the consoles read how
// much of each is spent, to warn at half, before members are stopped at the whole.
import { z } from "zod";
import { serverEnv } from "~/env";
import { unscopedClient, type PlatformScope, type TenantScope } from "~/server/scope";
import { chinaDay } from "./china-day";
import { codePolicy } from "./policy";

export const schoolBudgetKey = (tenantId: string, day: string) => `codes:day:${day}:school:${tenantId}`;
export const platformBudgetKey = (day: string) => `codes:day:${day}:platform`;

/** Half spent: time to look (a poster campaign, or pumping); all spent: no more codes today. */
export const BUDGET_WARNING_SHARE = 0.5;

export const budgetUsageOutput = z.object({
  sent: z.number().int(),
  budget: z.number().int(),
  level: z.enum(["ok", "warning", "spent"]),
});
export type BudgetUsage = z.infer<typeof budgetUsageOutput>;

export function budgetUsage(sent: number, budget: number): BudgetUsage {
  const level = sent >= budget ? "spent" : sent >= budget * BUDGET_WARNING_SHARE ? "warning" : "ok";
  return { sent, budget, level };
}

type Raw = Pick<ReturnType<typeof unscopedClient>, "$queryRawUnsafe">;

/** Today's count of each key (China day); a key with no live window counts 0. */
async function sentToday(prisma: Raw, keys: string[]): Promise<Map<string, number>> {
  const rows = await prisma.$queryRawUnsafe<{ key: string; hits: number }[]>(
    `SELECT key, hits FROM "RateLimit" WHERE key = ANY($1::text[]) AND "expiresAt" > now()`,
    keys,
  );
  return new Map(rows.map((row) => [row.key, row.hits]));
}

/** The back office's dashboard: the school's messages today against its budget, and the platform's state. */
export async function schoolCodeBudget(scope: TenantScope): Promise<{ school: BudgetUsage; platform: BudgetUsage }> {
  const { day } = chinaDay(new Date());
  const policy = await codePolicy(scope);
  const keys = [schoolBudgetKey(scope.tenant.id, day), platformBudgetKey(day)];
  const sent = await sentToday(unscopedClient(scope), keys);
  return {
    school: budgetUsage(sent.get(keys[0]!) ?? 0, policy.dailyBudget),
    platform: budgetUsage(sent.get(keys[1]!) ?? 0, serverEnv().CODES_PLATFORM_DAILY_BUDGET),
  };
}

export const platformCodeBudgetOutput = z.object({
  platform: budgetUsageOutput,
  /** Schools at half their budget or more, the most spent first. */
  schools: z.array(budgetUsageOutput.extend({ tenantId: z.string(), slug: z.string(), name: z.string() })),
});

/** Each school's messages today against its own budget (the vendor's health page), in one read. */
export async function schoolsCodeBudget(
  prisma: Raw,
  schools: readonly { id: string; dailyBudget: number }[],
): Promise<Map<string, BudgetUsage>> {
  const { day } = chinaDay(new Date());
  const sent = await sentToday(
    prisma,
    schools.map((s) => schoolBudgetKey(s.id, day)),
  );
  return new Map(schools.map((s) => [s.id, budgetUsage(sent.get(schoolBudgetKey(s.id, day)) ?? 0, s.dailyBudget)]));
}

/** The vendor console: the platform's messages today, and every school past half its own budget. */
export async function platformCodeBudget({ prisma }: PlatformScope): Promise<z.infer<typeof platformCodeBudgetOutput>> {
  const { day } = chinaDay(new Date());
  const tenants = await prisma.tenant.findMany({
    select: { id: true, slug: true, name: true, codePolicy: { select: { dailyBudget: true } } },
  });
  const keys = [platformBudgetKey(day), ...tenants.map((t) => schoolBudgetKey(t.id, day))];
  const sent = await sentToday(prisma, keys);
  const schools = tenants
    .map((t) => ({
      tenantId: t.id,
      slug: t.slug,
      name: t.name,
      ...budgetUsage(sent.get(schoolBudgetKey(t.id, day)) ?? 0, t.codePolicy?.dailyBudget ?? 5000),
    }))
    .filter((s) => s.level !== "ok")
    .sort((a, b) => b.sent / b.budget - a.sent / a.budget);
  return { platform: budgetUsage(sent.get(keys[0]!) ?? 0, serverEnv().CODES_PLATFORM_DAILY_BUDGET), schools };
}
