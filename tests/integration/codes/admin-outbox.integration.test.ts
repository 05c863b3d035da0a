// The back office's outbox procedure: a school's admins (IT office and helpdesk) read what
// was "sent" to their own members, newest first, and nothing of another school's.
import { afterAll, describe, expect, it } from "vitest";
import { issueCode } from "~/server/codes/issue-code";
import { listOutbox } from "~/server/codes/outbox";
import { adminClaims, callerFor, memberClaims, testPrisma } from "../support";
import { bindPhone, codeSchool, freshPhone, latestOutboxCode, waitOutResend } from "./codes-kit";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

describe("admin.outbox.list", () => {
  it("lists the school's own outbox, newest first, and none of another school's", async () => {
    const a = await codeSchool(prisma);
    const b = await codeSchool(prisma);
    const phone = freshPhone();
    await issueCode(a.scope, bindPhone(a, phone));
    await waitOutResend(prisma, a);
    await issueCode(a.scope, bindPhone(a, phone, { purpose: "CHANGE_PHONE" }));
    const bPhone = freshPhone();
    await issueCode(b.scope, bindPhone(b, bPhone));

    const listing = await (await callerFor(prisma, a.host, adminClaims(a))).admin.outbox.list({ take: 50 });
    expect(listing.enabled).toBe(true);
    expect(listing.channels).toEqual(["SMS", "EMAIL"]);
    expect(listing.messages.map((m) => m.purpose)).toEqual(["CHANGE_PHONE", "BIND_PHONE"]);
    expect(listing.messages[0]).toMatchObject({ channel: "SMS", destination: phone, shownTo: phone.slice(3) });
    expect(listing.messages[0]!.text).toContain(await latestOutboxCode(prisma, a, phone));
    const json = JSON.stringify(listing);
    for (const marker of [b.tenantId, bPhone, bPhone.slice(3), b.scope.tenant.name]) expect(json).not.toContain(marker);
  });

  it("is the school's admins' only: a member, a stranger and another school's admin are refused", async () => {
    const a = await codeSchool(prisma);
    const b = await codeSchool(prisma);
    await expect((await callerFor(prisma, a.host, memberClaims(a))).admin.outbox.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect((await callerFor(prisma, a.host)).admin.outbox.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect((await callerFor(prisma, a.host, adminClaims(b, a.host))).admin.outbox.list({})).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("takes at most 200 at a time", async () => {
    const a = await codeSchool(prisma);
    await expect((await callerFor(prisma, a.host, adminClaims(a))).admin.outbox.list({ take: 201 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("listOutbox", () => {
  it("shows a foreign phone the way the member typed it", async () => {
    const school = await codeSchool(prisma);
    await prisma.phonePolicy.update({ where: { tenantId: school.tenantId }, data: { allowForeign: true, allowedCountryCodes: ["852"] } });
    await issueCode(school.scope, bindPhone(school, "+85291234567"));
    const { messages } = await listOutbox(school.scope, {});
    expect(messages[0]).toMatchObject({ destination: "+85291234567", shownTo: "0085291234567" });
  });
});
