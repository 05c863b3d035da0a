// The activation funnel a school watches in September: members imported → signed in → phone bound
// → in WeCom → following → activated (二次验证 passed, where the school asks for it; elsewhere the
// last two are the same members), for the whole school or one group (a department path's beginning, an
// identity kind). Each step is counted with the same condition the directory's state filter uses
// (directory-search.ts), so the list behind a bar is exactly the members it counts.
import { z } from "zod";
import type { PrismaClient } from "~/generated/prisma/client";
import type { TenantScope } from "~/server/scope";
import { groupWhere, stateWhere, type MemberState } from "./directory-search";

export const FUNNEL_STEPS = ["imported", "signedIn", "phoneBound", "inWecom", "followed", "verified"] as const;
export type FunnelStepKey = (typeof FUNNEL_STEPS)[number];

/** The directory's state filter that lists each step's members; imported: every member of the group. */
const LIST_STATE: Record<FunnelStepKey, MemberState | null> = {
  imported: null,
  signedIn: "signedIn",
  phoneBound: "phoneBound",
  inWecom: "inWecom",
  followed: "followed",
  verified: "verified",
};

export const activationFunnelInput = z.object({
  department: z.string().trim().max(200).default(""),
  identityKindCode: z.string().trim().max(32).default(""),
});

export const activationFunnelOutput = z.array(z.object({ key: z.enum(FUNNEL_STEPS), value: z.number(), listState: z.string().nullable() }));

export async function activationFunnel(scope: TenantScope, raw: z.input<typeof activationFunnelInput>) {
  const group = groupWhere(activationFunnelInput.parse(raw));
  const values = await Promise.all(
    FUNNEL_STEPS.map((key) => {
      const state = LIST_STATE[key];
      return scope.db.member.count({ where: { AND: [group, state ? stateWhere[state] : {}] } });
    }),
  );
  return FUNNEL_STEPS.map((key, i) => ({ key, value: values[i]!, listState: LIST_STATE[key] }));
}

/**
 * The whole-school funnel of many schools at once, for the vendor's health page: the same steps
 * and conditions as activationFunnel, counted in one grouped query per step (not one per school).
 */
export async function activationFunnelBySchool(
  prisma: Pick<PrismaClient, "member">,
  tenantIds: readonly string[],
): Promise<Map<string, { key: FunnelStepKey; value: number }[]>> {
  const counts = await Promise.all(
    FUNNEL_STEPS.map(async (key) => {
      const state = LIST_STATE[key];
      const rows = await prisma.member.groupBy({
        by: ["tenantId"],
        where: { AND: [{ tenantId: { in: [...tenantIds] } }, state ? stateWhere[state] : {}] },
        _count: { _all: true },
      });
      return new Map(rows.map((row) => [row.tenantId, row._count._all]));
    }),
  );
  return new Map(tenantIds.map((id) => [id, FUNNEL_STEPS.map((key, i) => ({ key, value: counts[i]!.get(id) ?? 0 }))]));
}
