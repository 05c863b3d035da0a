// Data of a test's own, made beside the schema: a vendor with its own
// authenticator, a school with its own members and back-office accounts, so
// specs run in parallel workers without sharing an account, a lock or a code.
// Rows are written straight to the app's database (DATABASE_URL, which `npm
// test` gives Playwright); names are unique per call.
import { randomBytes, randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { hashPassword } from "../../src/server/auth/passwords";
import { newTotpSecret, totpSecretContext } from "../../src/server/auth/totp";
import { encryptSecret, parseKey } from "../../src/server/crypto/secrets";
import { createPrismaClient } from "../../src/server/db/client";
import { tenantSettingsCreate } from "../../src/server/tenants/tenant-context";
import { tenantUrl } from "./hosts";

let client: PrismaClient | undefined;
/** The app's database, as the server under test uses it. */
export function e2eDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the end-to-end tests through `npm test -- --e2e-only`.");
  client ??= createPrismaClient(url);
  return client;
}

export const uniqueName = (prefix: string) => `${prefix}${randomBytes(4).toString("hex")}`;

export const FACTORY_PASSWORD = "Factory-Passw0rd!";
let passwordHash: Promise<string> | undefined;
const factoryHash = () => (passwordHash ??= hashPassword(FACTORY_PASSWORD));

export type E2eVendor = { username: string; password: string; totpSecret: string };

/** A vendor of this test alone, with its TOTP factor enrolled (its secret returned, as its authenticator holds it). */
export async function makeVendor(): Promise<E2eVendor> {
  const id = randomUUID();
  const totpSecret = newTotpSecret();
  const username = uniqueName("vendor");
  await e2eDb().vendorAdmin.create({
    data: {
      id,
      username,
      name: "测试运营",
      passwordHash: await factoryHash(),
      totpSecretEnc: encryptSecret(totpSecret, parseKey(process.env.APP_ENCRYPTION_KEY!), totpSecretContext(id)),
    },
  });
  return { username, password: FACTORY_PASSWORD, totpSecret };
}

export type E2eSchool = { slug: string; tenantId: string; name: string; admin: string; helpdesk: string; identityKindId: string };

/** A built-in-directory school of this test alone, with an IT-office admin and a helpdesk (both FACTORY_PASSWORD). */
export async function makeSchool(options: { lockout?: { maxAttempts: number; lockMinutes: number } } = {}): Promise<E2eSchool> {
  const slug = uniqueName("e2e");
  const name = `测试学校${slug.slice(3)}`;
  const hash = await factoryHash();
  const tenant = await e2eDb().tenant.create({
    data: {
      slug,
      name,
      nameEn: `Test School ${slug.slice(3)}`,
      ...tenantSettingsCreate,
      ...(options.lockout ? { lockoutPolicy: { create: options.lockout } } : {}),
      identityKinds: { create: { code: "student_staff", nameZh: "在校师生", nameEn: "Students and staff", apps: ["消息中心"] } },
      admins: {
        create: [
          { username: "admin", name: "信息中心", role: "ADMIN", passwordHash: hash },
          { username: "helpdesk", name: "运维老师", role: "HELPDESK", passwordHash: hash },
        ],
      },
    },
    include: { identityKinds: true },
  });
  return { slug, tenantId: tenant.id, name, admin: "admin", helpdesk: "helpdesk", identityKindId: tenant.identityKinds[0]!.id };
}

/** A member of the school with FACTORY_PASSWORD (or none); a phone as typed, e.g. "13812345678". */
export async function makeMember(school: E2eSchool, options: { name?: string; phone?: string } = {}) {
  const account = uniqueName("S").toUpperCase();
  const phone = options.phone ?? null;
  await e2eDb().member.create({
    data: {
      tenantId: school.tenantId,
      account,
      name: options.name ?? "测试同学",
      identityKindId: school.identityKindId,
      passwordHash: await factoryHash(),
      ...(phone ? { phone: `+86${phone}`, phoneDisplay: phone } : {}),
    },
  });
  return { account, password: FACTORY_PASSWORD, name: options.name ?? "测试同学" };
}

/**
 * Signs in through next-auth's endpoint (its CSRF token, then the credentials callback), the way the
 * form does, for specs where the sign-in itself is not what is tested. It runs in the browser (Node
 * does not resolve *.localhost), so the session cookie lands in the page's context.
 */
export async function signInThroughApi(
  page: Page,
  slug: string,
  provider: "member" | "tenant-admin",
  identifier: string,
  password: string,
): Promise<void> {
  await page.goto(tenantUrl(slug, "/api/health"));
  const status = await page.evaluate(
    async ({ provider, identifier, password }) => {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      await fetch(`/api/auth/callback/${provider}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, identifier, password, json: "true" }),
      });
      const session = (await (await fetch("/api/auth/session")).json()) as { user?: unknown };
      return session.user ? "signed-in" : "refused";
    },
    { provider, identifier, password },
  );
  if (status !== "signed-in") throw new Error(`sign-in of ${identifier} at ${slug} was refused`);
}
