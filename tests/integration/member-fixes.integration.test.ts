// The member page's FAQ fixes as the helpdesk notices them: what each changes, the audit row with
// the state before and after, the WeCom job it queues (and does not, where WeCom is not involved),
// and a clear refusal where a fix cannot apply, WeCom today included (reference §7.5).
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestBindingCode } from "~/server/bindings/bind-phone";
import { clearPhoneAndEmail } from "~/server/members/fixes/clear-contacts";
import { movePhoneHere, phoneHolder } from "~/server/members/fixes/move-phone";
import { saveCorrectPhone } from "~/server/members/fixes/save-phone";
import { unlockMember } from "~/server/members/fixes/unlock";
import { resendInvitation, resyncToWecom } from "~/server/members/fixes/wecom-jobs";
import { createBoss, startBoss } from "~/server/jobs/queue";
import { adminActor, makeTenant, testPrisma, testScope, unique, type TestTenant } from "./support";

const prisma = testPrisma();
let boss: PgBoss;

beforeAll(async () => {
  boss = await startBoss(createBoss(process.env.TEST_DATABASE_URL!));
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await prisma.$disconnect();
});

const admin = (t: TestTenant) => testScope(prisma, t.tenantId, { actor: adminActor(t, "192.0.2.20"), jobs: boss });
const member = (t: TestTenant, id = t.memberId) => testScope(prisma, t.tenantId, { actor: { kind: "member", id, ip: null }, jobs: boss });
const jobsOf = (memberId: string, kind: string) => prisma.wecomJob.findMany({ where: { subject: memberId, kind } });
const auditOf = (t: TestTenant, action: string) => prisma.auditLog.findMany({ where: { tenantId: t.tenantId, action } });
const row = (id: string) => prisma.member.findUniqueOrThrow({ where: { id }, include: { binding: true, wecom: true } });
const phone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

async function otherMember(t: TestTenant, data: { phone?: string; email?: string } = {}) {
  const m = await prisma.member.create({
    data: {
      tenantId: t.tenantId,
      account: unique("O"),
      name: "旧账号",
      identityKindId: t.identityKindId,
      ...(data.phone ? { phone: `+86${data.phone}`, phoneDisplay: data.phone } : {}),
      email: data.email ?? null,
    },
  });
  return m;
}

async function inWecom(t: TestTenant, memberId: string, state: "ACTIVATED" | "NOT_ACTIVATED", mobile: string | null) {
  await prisma.member.update({ where: { id: memberId }, data: { wecomUserId: unique("u") } });
  await prisma.memberWecom.create({ data: { tenantId: t.tenantId, memberId, writtenAt: new Date(), state, mobile } });
}

describe("save the correct phone (UCAS FAQ 5, 6)", () => {
  it("saves it, moves the member's binding to it, audits before and after, queues the WeCom sync; the member then binds it without a code", async () => {
    const t = await makeTenant(prisma);
    await prisma.phoneBinding.create({
      data: { tenantId: t.tenantId, memberId: t.memberId, channel: "PHONE", value: t.memberPhone, confirmedBy: "CODE" },
    });
    const right = phone();
    await expect(saveCorrectPhone(await admin(t), { memberId: t.memberId, phone: right })).resolves.toMatchObject({ wecomJobQueued: true });
    const after = await row(t.memberId);
    expect(after.phone).toBe(`+86${right}`);
    expect(after.binding).toMatchObject({ value: `+86${right}`, confirmedBy: "DIRECTORY" });
    const [entry] = await auditOf(t, "member.fix.phone_saved");
    expect(entry).toMatchObject({ target: t.memberAccount, ip: "192.0.2.20" });
    expect(entry!.detail).toMatchObject({ before: { phone: t.memberPhone.slice(3) }, after: { phone: right } });
    expect(await jobsOf(t.memberId, "member.upsert")).toHaveLength(2); // the factory's failed one, and this one
    expect(await jobsOf(t.memberId, "member.watch")).toHaveLength(1);
    await expect(requestBindingCode(await member(t), { value: right })).resolves.toEqual({ status: "noCodeNeeded" });
  });

  it("refuses a phone another member holds (naming the account, pointing to the move), the same phone, and a bad number", async () => {
    const t = await makeTenant(prisma);
    const holderPhone = phone();
    const holder = await otherMember(t, { phone: holderPhone });
    const scope = await admin(t);
    await expect(saveCorrectPhone(scope, { memberId: t.memberId, phone: holderPhone })).rejects.toMatchObject({
      code: "FIX_PHONE_HELD_BY_OTHER",
      vars: { account: holder.account },
    });
    await expect(saveCorrectPhone(scope, { memberId: t.memberId, phone: t.memberPhone.slice(3) })).rejects.toMatchObject({
      code: "FIX_PHONE_UNCHANGED",
    });
    await expect(saveCorrectPhone(scope, { memberId: t.memberId, phone: "12345" })).rejects.toMatchObject({ code: "PHONE_INVALID" });
    expect((await row(t.memberId)).phone).toBe(t.memberPhone);
    expect(await auditOf(t, "member.fix.phone_saved")).toHaveLength(0);
  });

  it("for a member who activated WeCom: refused without the rejoin consent (WeCom would ignore the number), recorded with it", async () => {
    const t = await makeTenant(prisma);
    await inWecom(t, t.memberId, "ACTIVATED", t.memberPhone.slice(3));
    const right = phone();
    await expect(saveCorrectPhone(await admin(t), { memberId: t.memberId, phone: right })).rejects.toMatchObject({
      code: "WECOM_REJOIN_CONSENT_REQUIRED",
    });
    expect((await row(t.memberId)).phone).toBe(t.memberPhone);
    await saveCorrectPhone(await admin(t), { memberId: t.memberId, phone: right, confirmWecomRejoin: true });
    const after = await row(t.memberId);
    expect(after.phone).toBe(`+86${right}`);
    expect(after.wecom?.rejoinConsentAt).not.toBeNull();
    // WeCom still holds the old mobile until the job has run: the record says so, never the new one.
    expect(after.wecom?.mobile).toBe(t.memberPhone.slice(3));
  });
});

describe("clear phone and e-mail (UCAS FAQ 10: a WeChat that can no longer sign in)", () => {
  it("clears them and the binding; for a member in WeCom the removal goes through the sync job, with the admin's consent recorded", async () => {
    const t = await makeTenant(prisma);
    await prisma.member.update({ where: { id: t.memberId }, data: { email: `${unique("m")}@example.edu.cn` } });
    await prisma.phoneBinding.create({
      data: { tenantId: t.tenantId, memberId: t.memberId, channel: "PHONE", value: t.memberPhone, confirmedBy: "CODE" },
    });
    await inWecom(t, t.memberId, "ACTIVATED", t.memberPhone.slice(3));
    await expect(clearPhoneAndEmail(await admin(t), { memberId: t.memberId })).resolves.toMatchObject({ wecomJobQueued: true });
    const after = await row(t.memberId);
    expect({ phone: after.phone, email: after.email, binding: after.binding }).toEqual({ phone: null, email: null, binding: null });
    expect(after.wecom?.rejoinConsentAt).not.toBeNull();
    expect(await jobsOf(t.memberId, "member.upsert")).toHaveLength(2);
    const [entry] = await auditOf(t, "member.fix.contacts_cleared");
    expect(entry!.detail).toMatchObject({
      before: { phone: t.memberPhone.slice(3) },
      after: { phone: null, email: null },
      wecomRemoval: true,
    });
  });

  it("queues nothing for a member not in WeCom, and refuses when there is nothing to clear", async () => {
    const t = await makeTenant(prisma);
    await expect(clearPhoneAndEmail(await admin(t), { memberId: t.memberId })).resolves.toMatchObject({ wecomJobQueued: false });
    expect(await jobsOf(t.memberId, "member.upsert")).toHaveLength(1);
    await expect(clearPhoneAndEmail(await admin(t), { memberId: t.memberId })).rejects.toMatchObject({ code: "FIX_NOTHING_TO_CLEAR" });
  });
});

describe("move a phone that 「已存在」 to this account (UCAS FAQ 13)", () => {
  it("shows both accounts, then moves it in one transaction: both audited, both synced, the old binding gone", async () => {
    const t = await makeTenant(prisma);
    const moving = phone();
    const old = await otherMember(t, { phone: moving });
    await prisma.phoneBinding.create({
      data: { tenantId: t.tenantId, memberId: old.id, channel: "PHONE", value: `+86${moving}`, confirmedBy: "CODE" },
    });
    const scope = await admin(t);
    await expect(phoneHolder(scope, { memberId: t.memberId, phone: moving })).resolves.toMatchObject({
      from: { account: old.account, bound: true },
      to: { account: t.memberAccount, phoneDisplay: t.memberPhone.slice(3) },
      needsRejoinConsent: false,
    });
    await movePhoneHere(scope, { memberId: t.memberId, phone: moving });
    expect((await row(old.id)).phone).toBeNull();
    expect((await row(old.id)).binding).toBeNull();
    expect((await row(t.memberId)).phone).toBe(`+86${moving}`);
    const [out] = await auditOf(t, "member.fix.phone_moved_out");
    const [inn] = await auditOf(t, "member.fix.phone_moved_in");
    expect(out).toMatchObject({ target: old.account, detail: { before: { phone: moving }, after: { phone: null } } });
    expect(inn).toMatchObject({ target: t.memberAccount, detail: { before: { phone: t.memberPhone.slice(3) }, after: { phone: moving } } });
    expect(await jobsOf(old.id, "member.upsert")).toHaveLength(1);
    expect(await jobsOf(t.memberId, "member.upsert")).toHaveLength(2);
  });

  it("refuses a phone nobody holds, the member's own phone, and an activated old account without consent", async () => {
    const t = await makeTenant(prisma);
    const scope = await admin(t);
    await expect(movePhoneHere(scope, { memberId: t.memberId, phone: phone() })).rejects.toMatchObject({ code: "FIX_PHONE_NOT_HELD" });
    await expect(movePhoneHere(scope, { memberId: t.memberId, phone: t.memberPhone.slice(3) })).rejects.toMatchObject({
      code: "FIX_PHONE_IS_THIS_MEMBERS",
    });
    const moving = phone();
    const old = await otherMember(t, { phone: moving });
    await inWecom(t, old.id, "ACTIVATED", moving);
    await expect(movePhoneHere(scope, { memberId: t.memberId, phone: moving })).rejects.toMatchObject({
      code: "FIX_MOVE_HOLDER_ACTIVATED",
      vars: { account: old.account },
    });
    expect((await row(old.id)).phone).toBe(`+86${moving}`);
    await movePhoneHere(scope, { memberId: t.memberId, phone: moving, confirmWecomRejoin: true });
    expect((await row(old.id)).wecom?.rejoinConsentAt).not.toBeNull();
    expect((await row(t.memberId)).phone).toBe(`+86${moving}`);
  });

  it("an audit row that cannot be written leaves both accounts as they were", async () => {
    const t = await makeTenant(prisma);
    const moving = phone();
    const old = await otherMember(t, { phone: moving });
    const name = `fail_move_${t.adminId.replace(/-/g, "")}`;
    await prisma.$executeRawUnsafe(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         IF NEW.action = 'member.fix.phone_moved_in' AND NEW."actorId" = '${t.adminId}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`,
    );
    await prisma.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
    try {
      await expect(movePhoneHere(await admin(t), { memberId: t.memberId, phone: moving })).rejects.toThrow();
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER ${name} ON "AuditLog"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    }
    expect((await row(old.id)).phone).toBe(`+86${moving}`);
    expect((await row(t.memberId)).phone).toBe(t.memberPhone);
    expect(await jobsOf(old.id, "member.upsert")).toHaveLength(0);
  });
});

describe("unlock sign-in (UCAS FAQ 7)", () => {
  it("lifts the lock with the lock it lifted in the audit, and refuses an account that is not locked", async () => {
    const t = await makeTenant(prisma);
    const until = new Date(Date.now() + 30 * 60_000);
    await prisma.member.update({ where: { id: t.memberId }, data: { failedLoginCount: 6, lockedUntil: until } });
    await unlockMember(await admin(t), { memberId: t.memberId });
    expect(await row(t.memberId)).toMatchObject({ lockedUntil: null, failedLoginCount: 0 });
    const [entry] = await auditOf(t, "member.unlock");
    expect(entry!.detail).toEqual({
      before: { lockedUntil: until.toISOString(), failedLoginCount: 6 },
      after: { lockedUntil: null, failedLoginCount: 0 },
    });
    await expect(unlockMember(await admin(t), { memberId: t.memberId })).rejects.toMatchObject({ code: "MEMBER_NOT_LOCKED" });
  });
});

describe("resend the WeCom invitation and resync, through the durable jobs", () => {
  it("invites a member WeCom holds and has not activated, once in three days; refuses one not in WeCom or already activated", async () => {
    const t = await makeTenant(prisma);
    await expect(resendInvitation(await admin(t), { memberId: t.memberId })).rejects.toMatchObject({ code: "FIX_INVITE_NOT_IN_WECOM" });
    await inWecom(t, t.memberId, "NOT_ACTIVATED", t.memberPhone.slice(3));
    await resendInvitation(await admin(t), { memberId: t.memberId });
    expect(await jobsOf(t.memberId, "member.invite")).toHaveLength(1);
    expect(await auditOf(t, "member.fix.invited")).toHaveLength(1);
    await expect(resendInvitation(await admin(t), { memberId: t.memberId })).rejects.toMatchObject({ code: "FIX_INVITE_RECENT" });
    await prisma.memberWecom.update({ where: { memberId: t.memberId }, data: { state: "ACTIVATED" } });
    await prisma.wecomJob.deleteMany({ where: { subject: t.memberId, kind: "member.invite" } });
    await expect(resendInvitation(await admin(t), { memberId: t.memberId })).rejects.toMatchObject({
      code: "FIX_INVITE_ALREADY_ACTIVATED",
    });
  });

  it("resyncs once while a sync waits, and refuses a member WeCom cannot hold (no phone, no e-mail)", async () => {
    const t = await makeTenant(prisma);
    await resyncToWecom(await admin(t), { memberId: t.memberId });
    expect(await jobsOf(t.memberId, "member.upsert")).toHaveLength(2);
    expect(await auditOf(t, "member.fix.resynced")).toHaveLength(1);
    await expect(resyncToWecom(await admin(t), { memberId: t.memberId })).rejects.toMatchObject({ code: "FIX_RESYNC_PENDING" });
    const bare = await otherMember(t);
    await expect(resyncToWecom(await admin(t), { memberId: bare.id })).rejects.toMatchObject({ code: "FIX_RESYNC_NO_CONTACT" });
  });

  it("another school's member is not found by any fix", async () => {
    const t = await makeTenant(prisma);
    const other = await makeTenant(prisma);
    const scope = await admin(t);
    for (const fix of [
      () => saveCorrectPhone(scope, { memberId: other.memberId, phone: phone() }),
      () => clearPhoneAndEmail(scope, { memberId: other.memberId }),
      () => movePhoneHere(scope, { memberId: other.memberId, phone: other.memberPhone.slice(3) }),
      () => unlockMember(scope, { memberId: other.memberId }),
      () => resendInvitation(scope, { memberId: other.memberId }),
      () => resyncToWecom(scope, { memberId: other.memberId }),
    ])
      await expect(fix()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
