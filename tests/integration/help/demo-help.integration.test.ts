// The demo schools carry help pages in both languages on their manuals' topics, and the contacts their
// manuals give (IMUT 6576286, UESTC 028-61831184); a school's later edit survives a second seeding.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { parseKey } from "~/server/crypto/secrets";
import { createPrismaClient } from "~/server/db/client";
import { seedDemo } from "~/server/seed/seed-demo";
import { DEMO_TENANTS } from "~/server/seed/demo-tenants";
import { applyMigrations, createDatabases, databaseUrlFor } from "../../../tools/db";

const key = parseKey(process.env.APP_ENCRYPTION_KEY!);
const clients: ReturnType<typeof createPrismaClient>[] = [];
afterAll(async () => Promise.all(clients.map((c) => c.$disconnect())));

describe("the demo schools' help", () => {
  it("gives every school its pages in zh and en and its office's contacts, and keeps an edit on a second run", async () => {
    const name = `help_${randomBytes(4).toString("hex")}`;
    await createDatabases(process.env.TEST_DATABASE_ADMIN_URL!, [name]);
    const url = databaseUrlFor(process.env.TEST_DATABASE_ADMIN_URL!, name);
    await applyMigrations(url);
    const prisma = createPrismaClient(url);
    clients.push(prisma);
    await seedDemo(prisma, key);

    for (const demo of DEMO_TENANTS) {
      const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug: demo.slug }, select: { id: true } });
      const pages = await prisma.helpPage.findMany({ where: { tenantId: tenant.id } });
      expect(pages.map((p) => p.slug)).toEqual(
        expect.arrayContaining([
          "wechat-phone",
          "wechat-cache",
          "harmonyos-next",
          "unfollow",
          "foreign-phone",
          "change-phone-or-wechat",
          "staff-who-study",
          "working-and-deferred",
        ]),
      );
      for (const page of pages) expect([page.titleEn, page.bodyZh, page.bodyEn].every(Boolean), page.slug).toBe(true);
      const contacts = await prisma.schoolContacts.findUniqueOrThrow({ where: { tenantId: tenant.id } });
      // A way to reach the office, whichever the manual gives.
      expect(contacts.phone || contacts.email).not.toBe("");
    }
    const phoneOf = async (slug: string) => (await prisma.schoolContacts.findFirstOrThrow({ where: { tenant: { slug } } })).phone;
    expect(await phoneOf("imut")).toBe("6576286");
    expect(await phoneOf("uestc")).toBe("028-61831184");

    const imut = await prisma.tenant.findUniqueOrThrow({ where: { slug: "imut" }, select: { id: true } });
    await prisma.helpPage.update({
      where: { tenantId_slug: { tenantId: imut.id, slug: "unfollow" } },
      data: { titleZh: "学校改过的标题" },
    });
    await seedDemo(prisma, key);
    expect((await prisma.helpPage.findUniqueOrThrow({ where: { tenantId_slug: { tenantId: imut.id, slug: "unfollow" } } })).titleZh).toBe(
      "学校改过的标题",
    );
  });
});
