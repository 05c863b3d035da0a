// Factories and request helpers for integration tests. Every name is unique per
// call, so test files can share one database and run in parallel.
import { randomBytes, randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { createPrismaClient } from "~/server/db/client";
import { createContext } from "~/server/api/trpc";
import { createCaller } from "~/server/api/root";
import type { ForeignTenantRows } from "~/server/api/meta";
import type { SessionClaims } from "~/server/auth/session-user";
import { hashPassword } from "~/server/auth/passwords";
import { newTotpSecret, totpSecretContext } from "~/server/auth/totp";
import { encryptSecret, parseKey } from "~/server/crypto/secrets";
import type PgBoss from "pg-boss";
import { createBoss } from "~/server/jobs/queue";
import { sealRosterFile } from "~/server/members/roster/sealed-file";
import { enqueueWecomSync } from "~/server/wecom/sync";
import type { PrismaClient } from "~/generated/prisma/client";
import { childLogger } from "~/server/log";
import { actorLabel, tenantScope, type PlatformScope, type ScopeActor, type TenantScope } from "~/server/scope";
import { tenantContextById, tenantSettingsCreate } from "~/server/tenants/tenant-context";

export function testPrisma(): PrismaClient {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run integration tests through vitest's integration project.");
  return createPrismaClient(url);
}

export const unique = (prefix: string) => `${prefix}${randomBytes(4).toString("hex")}`;

export const PASSWORD = "Correct-Horse-42";

export type TestTenant = ForeignTenantRows & { host: string; memberPasswordHash: string };

let passwordHash: Promise<string> | undefined;

/** A school with one identity kind, one member with a password and phone, and one admin. */
export async function makeTenant(
  prisma: PrismaClient,
  options: { lockoutMaxAttempts?: number; lockoutMinutes?: number; idpKind?: "BUILTIN" | "CAS" | "OIDC" } = {},
): Promise<TestTenant> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const slug = unique("t");
  const tag = randomBytes(3).toString("hex");
  const tenant = await prisma.tenant.create({
    data: {
      slug,
      name: `测试学校${tag}`,
      nameEn: `Test School ${tag}`,
      ...tenantSettingsCreate,
      identityProvider: { create: { kind: options.idpKind ?? "BUILTIN" } },
      lockoutPolicy: { create: { maxAttempts: options.lockoutMaxAttempts, lockMinutes: options.lockoutMinutes } },
      identityKinds: { create: { code: "student_staff", nameZh: "在校师生", nameEn: "Students and staff" } },
    },
    include: { identityKinds: true },
  });
  const kind = tenant.identityKinds[0]!;
  const phone = `+86139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const member = await prisma.member.create({
    data: {
      tenantId: tenant.id,
      account: unique("S"),
      name: `成员${tag}`,
      identityKindId: kind.id,
      phone,
      phoneDisplay: phone.slice(3),
      passwordHash: hash,
    },
  });
  const admin = await prisma.tenantAdmin.create({
    data: { tenantId: tenant.id, username: unique("admin"), name: `管理员${tag}`, passwordHash: hash },
  });
  return {
    tenantId: tenant.id,
    slug,
    host: `${slug}.localhost`,
    memberId: member.id,
    memberAccount: member.account,
    memberPhone: phone,
    memberName: member.name,
    adminId: admin.id,
    identityKindId: kind.id,
    failedSyncJobId: await failedSyncJob(prisma, tenant.id, member.id),
    helpdeskCaseId: (
      await prisma.helpdeskCase.create({
        data: { tenantId: tenant.id, memberId: member.id, kind: "PHONE_ALREADY_EXISTS", value: phone, valueDisplay: phone.slice(3) },
      })
    ).id,
    importJobId: await previewedImport(prisma, tenant.id, member.account),
    ...(await helpPage(prisma, tenant.id, tag)),
    ...(await hallApplication(prisma, tenant.id, member.id, tag)),
    memberPasswordHash: hash,
  };
}

/** A help page of the tenant, its address and title unique to it (markers of the cross-tenant suite). */
async function helpPage(prisma: PrismaClient, tenantId: string, tag: string) {
  const page = await prisma.helpPage.create({
    data: { tenantId, slug: `help-${tag}`, titleZh: `帮助${tag}`, titleEn: `Help ${tag}`, bodyZh: `清除微信缓存 ${tag}` },
  });
  return { helpPageId: page.id, helpPageSlug: page.slug };
}

/** A service of the tenant's hall and an application of its member to it, submitted (markers of the cross-tenant suite). */
async function hallApplication(prisma: PrismaClient, tenantId: string, memberId: string, tag: string) {
  const service = await prisma.service.create({
    data: { tenantId, code: `svc-${tag}`, nameZh: `服务${tag}`, identityKinds: ["student_staff"] },
  });
  const version = await prisma.serviceVersion.create({
    data: {
      tenantId,
      serviceId: service.id,
      number: 1,
      fields: [{ kind: "text", key: "reason", labelZh: "事由", labelEn: "", helpZh: "", helpEn: "", required: true, maxLength: 100 }],
      steps: [{ nameZh: "审核", nameEn: "", assign: { kind: "members", memberIds: [memberId] } }],
    },
  });
  const application = await prisma.application.create({
    data: {
      tenantId,
      serviceId: service.id,
      versionId: version.id,
      applicantId: memberId,
      state: "SUBMITTED",
      submittedAt: new Date(),
      values: { reason: `事由${tag}` },
    },
  });
  return { hallServiceId: service.id, hallApplicationId: application.id };
}

/** A roster import of the tenant, previewed (one row, unchanged) and not started, as the import page lists it. */
async function previewedImport(prisma: PrismaClient, tenantId: string, account: string): Promise<string> {
  const report = {
    headerRow: 1,
    headers: ["学号", "姓名"],
    missingFields: [],
    counts: { rows: 1, create: 0, update: 0, unchanged: 1, refused: 0 },
    rows: [],
    rowsLeftOut: 0,
    missing: [],
    missingCount: 0,
  };
  const id = randomUUID();
  const file = Buffer.from(`学号,姓名\r\n${account},成员\r\n`);
  const job = await prisma.importJob.create({
    data: {
      id,
      tenantId,
      fileName: `${account}.csv`,
      format: "csv",
      fileBytes: file.byteLength,
      fileSha256: "0".repeat(64),
      fileEnc: sealRosterFile(id, file),
      mapping: ["account", "name"],
      totalRows: 1,
      unchanged: 1,
      report,
    },
  });
  return job.id;
}

/** A WeCom sync job of the tenant that has failed for good, as the admin's job list shows it. */
async function failedSyncJob(prisma: PrismaClient, tenantId: string, memberId: string): Promise<string> {
  const id = await prisma.$transaction((tx) =>
    enqueueWecomSync(createBoss(process.env.TEST_DATABASE_URL!), tx, { kind: "member.upsert", tenantId, memberId }),
  );
  await prisma.$executeRawUnsafe(
    `UPDATE pgboss.job SET state = 'failed', output = '{"message":"测试失败","en":"test failure"}'::jsonb WHERE id = $1::uuid`,
    id,
  );
  // And as the worker records it on the school's own row (jobs/wecom-jobs.ts), which the back office reads.
  await prisma.wecomJob.updateMany({
    where: { jobId: id! },
    data: { state: "FAILED", attempts: 1, lastError: "测试失败", lastErrorEn: "test failure", finishedAt: new Date() },
  });
  return id!;
}

/** A vendor with the password PASSWORD and, unless `enrolled: false`, a TOTP second factor whose secret is returned. */
export async function makeVendor(prisma: PrismaClient, options: { enrolled?: boolean } = {}) {
  passwordHash ??= hashPassword(PASSWORD);
  const totpSecret = newTotpSecret();
  const id = randomUUID();
  const totpSecretEnc =
    options.enrolled === false ? null : encryptSecret(totpSecret, parseKey(process.env.APP_ENCRYPTION_KEY!), totpSecretContext(id));
  const vendor = await prisma.vendorAdmin.create({
    data: { id, username: unique("vendor"), name: "运营", passwordHash: await passwordHash, totpSecretEnc },
  });
  return { ...vendor, totpSecret };
}

/** The session cookie next-auth would set for these claims, signed in `signedInAt` (seconds; default now). */
export async function sessionCookie(claims: SessionClaims, signedInAt = Math.floor(Date.now() / 1000)): Promise<string> {
  const token = await encode({ token: { ...claims, signedInAt }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

/** A request as the browser would send it: its host and, when signed in, the real session cookie. */
export async function requestHeaders(host: string, claims?: SessionClaims): Promise<Headers> {
  const headers = new Headers({ host });
  if (claims) headers.set("cookie", await sessionCookie(claims));
  return headers;
}

export async function callerFor(prisma: PrismaClient, host: string, claims?: SessionClaims) {
  return createCaller(await createContext({ headers: await requestHeaders(host, claims), prisma }));
}

export function memberClaims(t: TestTenant, host = t.host): SessionClaims {
  return { sub: t.memberId, kind: "member", tenantId: t.tenantId, host, ver: 0 };
}

export function adminClaims(t: TestTenant, host = t.host): SessionClaims {
  return { sub: t.adminId, kind: "tenantAdmin", tenantId: t.tenantId, host, ver: 0 };
}

/** The scope a domain function gets, for a school of the tests (actor: the school's first admin unless given). */
export async function testScope(
  prisma: PrismaClient,
  tenantId: string,
  options: { actor?: ScopeActor; jobs?: PgBoss; locale?: "zh-CN" | "en" } = {},
): Promise<TenantScope> {
  const tenant = await tenantContextById(prisma, tenantId);
  const admin = options.actor ? null : await prisma.tenantAdmin.findFirst({ where: { tenantId }, select: { id: true, role: true } });
  const actor: ScopeActor =
    options.actor ?? (admin ? { kind: "tenantAdmin", id: admin.id, role: admin.role, ip: null } : { kind: "system", id: "test", ip: null });
  return tenantScope({ prisma, tenant, jobs: options.jobs ?? testJobs(), actor, locale: options.locale });
}

let jobs: PgBoss | undefined;
/** A queue client for sending jobs in tests (never started: it only inserts). */
export function testJobs(): PgBoss {
  jobs ??= createBoss(process.env.TEST_DATABASE_URL!);
  return jobs;
}

/** The school's admin (role ADMIN, as makeTenant makes it) acting from `ip`. */
export function adminActor(t: { adminId: string }, ip: string | null = null): ScopeActor {
  return { kind: "tenantAdmin", id: t.adminId, role: "ADMIN", ip };
}

/** The platform scope of the vendor console, for a vendor of the tests. */
export function testPlatform(
  prisma: PrismaClient,
  vendorId: string,
  options: { ip?: string | null; locale?: "zh-CN" | "en" } = {},
): PlatformScope {
  const actor: ScopeActor = { kind: "vendor", id: vendorId, ip: options.ip ?? null };
  return { prisma, jobs: testJobs(), actor, locale: options.locale ?? "zh-CN", log: childLogger({ actor: actorLabel(actor) }) };
}
