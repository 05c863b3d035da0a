// Seeds the demo schools. Idempotent: what exists is left as it is (an admin's
// later edits survive a restart); only what is missing is created.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { hashPassword } from "~/server/auth/passwords";
import { totpSecretContext } from "~/server/auth/totp";
import { blindIndex, encryptSecret, sealContext } from "~/server/crypto/secrets";
import { tenantDb } from "~/server/db/tenant-db";
import { addDepartments } from "~/server/departments/ensure-departments";
import { normalisePhone } from "~/server/members/phone";
import { PRESET_COUNTRY_CODES } from "~/server/members/phone-policy";
import { tenantSettingsCreate } from "~/server/tenants/tenant-context";
import { seedDemoHall } from "./demo-hall";
import { seedDemoHelp } from "./demo-help";
import { DEMO_ADMIN, DEMO_HELPDESK, DEMO_PASSWORD, DEMO_TENANTS, DEMO_VENDOR, type DemoTenant } from "./demo-tenants";

export type SeedReport = { tenantsCreated: number; membersCreated: number; adminsCreated: number; vendorsCreated: number };

/** The demo password of a member who signs in at the built-in directory (the school's, or the kind's own) and is activated. */
function memberPassword(tenant: DemoTenant, member: DemoTenant["members"][number]): string | null {
  const kind = tenant.kinds.find((k) => k.code === member.kind);
  if ((kind?.providerKind ?? tenant.idpKind) !== "BUILTIN" || member.activated === false) return null;
  return tenant.initialPasswordRule === "ID_NUMBER_LAST8" ? member.idNumber.slice(-8) : DEMO_PASSWORD;
}

async function seedTenant(prisma: PrismaClient, demo: DemoTenant, key: Buffer, report: SeedReport) {
  const existing = await prisma.tenant.findUnique({ where: { slug: demo.slug }, select: { id: true } });
  const tenant =
    existing ??
    (await prisma.tenant.create({
      data: {
        slug: demo.slug,
        name: demo.name,
        nameEn: demo.nameEn,
        primaryColor: demo.primaryColor,
        accentColor: demo.accentColor,
        ...tenantSettingsCreate,
        identityProvider: { create: { kind: demo.idpKind } },
        passwordPolicy: {
          create: { initialPasswordRule: demo.initialPasswordRule ?? "NONE", mustChangeInitial: demo.initialPasswordRule !== undefined },
        },
        wecomConnection: { create: { assistantAppName: demo.assistantAppName, secondVerification: demo.secondVerification ?? false } },
        phonePolicy: {
          create: {
            allowEmail: demo.allowEmail ?? false,
            allowForeign: demo.allowForeign ?? false,
            allowedCountryCodes: demo.allowForeign ? [...PRESET_COUNTRY_CODES] : [],
          },
        },
      },
      select: { id: true },
    }));
  if (!existing) report.tenantsCreated++;
  const db = tenantDb(prisma, tenant.id);
  await seedDemoHelp(prisma, tenant.id, demo.slug);

  await db.identityKind.createMany({
    data: demo.kinds.map((kind, sortOrder) => ({ ...kind, sortOrder, tenantId: tenant.id })),
    skipDuplicates: true,
  });
  const kinds = new Map((await db.identityKind.findMany({ select: { id: true, code: true } })).map((k) => [k.code, k.id]));

  const present = new Set(
    (await db.member.findMany({ where: { account: { in: demo.members.map((m) => m.account) } }, select: { account: true } })).map(
      (m) => m.account,
    ),
  );
  for (const m of demo.members.filter((m) => !present.has(m.account))) {
    const phone = m.phone ? normalisePhone(m.phone, { allowForeign: true }) : null;
    if (phone && !phone.ok) throw new Error(`Demo phone ${m.phone} is invalid: ${phone.reason}`);
    const password = memberPassword(demo, m);
    // The id is made here so the ID number's ciphertext can be bound to its row.
    const id = randomUUID();
    await db.member.create({
      data: {
        id,
        tenantId: tenant.id,
        account: m.account,
        name: m.name,
        identityKindId: kinds.get(m.kind)!,
        department: m.department,
        phone: phone?.ok ? phone.e164 : null,
        phoneDisplay: phone?.ok ? phone.display : null,
        email: m.email ?? null,
        idType: m.idType ?? "居民身份证",
        idNumberEnc: encryptSecret(m.idNumber, key, sealContext("Member", "idNumberEnc", id)),
        idNumberHash: blindIndex(m.idNumber, key, tenant.id),
        passwordHash: password ? await hashPassword(password) : null,
        mustChangePassword: demo.initialPasswordRule !== undefined,
      },
    });
    report.membersCreated++;
  }
  await addDepartments(
    db,
    tenant.id,
    demo.members.map((m) => m.department),
  );
  if (demo.hall) await seedDemoHall(db, tenant.id);

  for (const admin of [
    { ...DEMO_ADMIN, name: "信息化办公室管理员", role: "ADMIN" as const },
    { ...DEMO_HELPDESK, name: "运维老师", role: "HELPDESK" as const },
  ]) {
    const found = await db.tenantAdmin.findUnique({
      where: { tenantId_username: { tenantId: tenant.id, username: admin.username } },
      select: { id: true },
    });
    if (found) continue;
    await db.tenantAdmin.create({
      data: {
        tenantId: tenant.id,
        username: admin.username,
        name: admin.name,
        role: admin.role,
        passwordHash: await hashPassword(admin.password),
      },
    });
    report.adminsCreated++;
  }
}

const LOCAL_DOMAINS = /^(localhost|[a-z0-9.-]+\.localhost|127\.\d+\.\d+\.\d+)$/;
type SeedEnv = { readonly [name: string]: string | undefined };

/**
 * The demo accounts' passwords are published in the README, so they must never
 * appear on a real deployment by accident: the demo is seeded only while the
 * platform answers on localhost (PLATFORM_DOMAIN unset or a *.localhost name),
 * whatever NODE_ENV or SEED_DEMO say (`npm start` runs in production mode on
 * localhost, and may seed there).
 */
export function demoSeedRefusal(env: SeedEnv): string | null {
  const domain = (env.PLATFORM_DOMAIN ?? "").trim().toLowerCase() || "localhost";
  if (LOCAL_DOMAINS.test(domain)) return null;
  return (
    `Refusing to seed the demo schools: PLATFORM_DOMAIN is "${domain}", not localhost, and the demo accounts' passwords are public. ` +
    "Set SEED_DEMO=false for a real deployment, or unset PLATFORM_DOMAIN to run the demo on this machine."
  );
}

export async function seedDemo(prisma: PrismaClient, key: Buffer, env: SeedEnv = process.env): Promise<SeedReport> {
  const refusal = demoSeedRefusal(env);
  if (refusal) throw new Error(refusal);
  const report: SeedReport = { tenantsCreated: 0, membersCreated: 0, adminsCreated: 0, vendorsCreated: 0 };
  const vendor = await prisma.vendorAdmin.findUnique({
    where: { username: DEMO_VENDOR.username },
    select: { id: true, totpSecretEnc: true },
  });
  if (!vendor) {
    const vendorId = randomUUID();
    await prisma.vendorAdmin.create({
      data: {
        id: vendorId,
        username: DEMO_VENDOR.username,
        name: DEMO_VENDOR.name,
        passwordHash: await hashPassword(DEMO_VENDOR.password),
        totpSecretEnc: encryptSecret(DEMO_VENDOR.totpSecret, key, totpSecretContext(vendorId)),
      },
    });
    report.vendorsCreated++;
  } else if (!vendor.totpSecretEnc) {
    // A demo database from before the second factor: give it the published demo secret.
    await prisma.vendorAdmin.update({
      where: { id: vendor.id },
      data: { totpSecretEnc: encryptSecret(DEMO_VENDOR.totpSecret, key, totpSecretContext(vendor.id)) },
    });
  }
  for (const demo of DEMO_TENANTS) await seedTenant(prisma, demo, key, report);
  return report;
}
