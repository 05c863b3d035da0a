// Schools, members and scopes for the member-journey tests: a member acting on their own pages,
// more members of the same school with or without a phone and a binding, and the code the
// development outbox "sent".
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import type PgBoss from "pg-boss";
import { createBoss } from "~/server/jobs/queue";
import { tenantScope, type TenantScope } from "~/server/scope";
import { tenantContextById } from "~/server/tenants/tenant-context";
import { makeTenant, unique, type TestTenant } from "../support";

export type JourneySchool = TestTenant & { as: (memberId: string) => Promise<TenantScope> };

export async function journeySchool(
  prisma: PrismaClient,
  policy: { allowEmail?: boolean; confirmNewByCode?: boolean; allowForeign?: boolean; allowedCountryCodes?: string[] } = {},
) {
  const tenant = await makeTenant(prisma);
  if (Object.keys(policy).length > 0) await prisma.phonePolicy.update({ where: { tenantId: tenant.tenantId }, data: policy });
  const jobs = createBoss(process.env.TEST_DATABASE_URL!);
  return {
    ...tenant,
    /** The scope of `memberId` signed in on their own school's pages. */
    as: async (memberId: string): Promise<TenantScope> =>
      tenantScope({
        prisma,
        tenant: await tenantContextById(prisma, tenant.tenantId),
        jobs,
        actor: { kind: "member", id: memberId, ip: "203.0.113.9" },
      }),
  } satisfies JourneySchool;
}

/** A mainland number no other test uses, as E.164 and as typed. */
export function freshPhone(): { e164: string; typed: string } {
  const typed = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  return { e164: `+86${typed}`, typed };
}

/** Another member of the school; `phone` in E.164, `bound` gives them a binding of it, `idNumberHash` to share one person's identity. */
export async function addMember(
  prisma: PrismaClient,
  school: TestTenant,
  options: { phone?: string; bound?: boolean; idNumberHash?: string; email?: string } = {},
): Promise<{ id: string; account: string }> {
  const member = await prisma.member.create({
    data: {
      tenantId: school.tenantId,
      account: unique("J"),
      name: `成员${randomBytes(2).toString("hex")}`,
      identityKindId: school.identityKindId,
      phone: options.phone ?? null,
      phoneDisplay: options.phone?.replace(/^\+86/, "") ?? null,
      email: options.email ?? null,
      idNumberHash: options.idNumberHash ?? null,
    },
    select: { id: true, account: true },
  });
  if (options.bound && options.phone) {
    await prisma.phoneBinding.create({
      data: { tenantId: school.tenantId, memberId: member.id, channel: "PHONE", value: options.phone, confirmedBy: "CODE" },
    });
  }
  return member;
}

/** The latest code the outbox "sent" to `destination` for this school. */
export async function outboxCode(prisma: PrismaClient, tenantId: string, destination: string): Promise<string> {
  const message = await prisma.outboxMessage.findFirstOrThrow({
    where: { tenantId, destination },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const code = /验证码为 (\d+)/.exec(message.text)?.[1];
  if (!code) throw new Error(`No code in the outbox text: ${message.text}`);
  return code;
}

/** The WeCom jobs a member's change wrote, by queue and kind. */
export async function jobsOf(prisma: PrismaClient, tenantId: string, memberId: string): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ name: string; kind: string }[]>(
    `SELECT name, data->>'kind' AS kind FROM pgboss.job WHERE data->>'tenantId' = $1 AND data->>'memberId' = $2 ORDER BY created_on`,
    tenantId,
    memberId,
  );
  return rows.map((r) => `${r.name}:${r.kind}`);
}

/** The scope of `memberId` of a school connected to the WeCom simulator, sending jobs through `boss`. */
export async function memberScopeIn(
  prisma: PrismaClient,
  boss: PgBoss,
  school: { tenant: { tenantId: string } },
  memberId: string,
  ip: string | null = null,
): Promise<TenantScope> {
  return tenantScope({
    prisma,
    tenant: await tenantContextById(prisma, school.tenant.tenantId),
    jobs: boss,
    actor: { kind: "member", id: memberId, ip },
  });
}
