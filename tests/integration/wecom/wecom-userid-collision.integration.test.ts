// WeCom userids ignore case. A sync that would land on a userid another member
// of the school holds stops for good with a message for the admin, instead of
// overwriting that member's name and phone in WeCom (and retrying forever).
import { describe, expect, it } from "vitest";
import { createMember } from "~/server/members/manage-members";
import { runWecomSyncJob } from "~/server/wecom/sync";
import { describeFailure } from "~/server/wecom/worker";
import type PgBoss from "pg-boss";
import { uniqueId, type TestSim, withSimAndQueue } from "../wecom-sim/helpers";
import { adminActor, testPrisma, testScope } from "../support";
import { connectedSchool, encryptionKey, FAST_RETRY } from "./wecom-test-kit";

const prisma = testPrisma();
let sim: TestSim;
let boss: PgBoss;

withSimAndQueue(prisma, (running) => ({ sim, boss } = running));

type SimMember = { userid: string; name: string; mobile?: string };

describe("a WeCom userid held by another member", () => {
  it("is never overwritten: the job fails for good, naming both, and the holder keeps their name and phone in WeCom", async () => {
    const school = await connectedSchool(prisma, sim);
    const d = await testScope(prisma, school.tenant.tenantId, { actor: adminActor(school.tenant), jobs: boss });
    const deps = { prisma, encryptionKey: encryptionKey(), retry: FAST_RETRY, jobs: boss };

    const account = uniqueId("T").toUpperCase();
    const holder = await createMember(d, {
      account,
      name: "王老师",
      identityKindCode: "student_staff",
      department: "",
      phone: "13700001001",
      email: "",
    });
    await runWecomSyncJob(deps, { kind: "member.upsert", tenantId: school.tenant.tenantId, memberId: holder.id });

    // A second member who carries the same userid in another case (bound before accounts were checked).
    const other = await prisma.member.create({
      data: {
        tenantId: school.tenant.tenantId,
        account: uniqueId("X"),
        name: "冒名",
        identityKindId: school.tenant.identityKindId,
        phone: "+8613700001002",
        phoneDisplay: "13700001002",
        wecomUserId: account,
      },
    });
    const failure = await runWecomSyncJob(deps, { kind: "member.upsert", tenantId: school.tenant.tenantId, memberId: other.id }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: "WECOM_USERID_TAKEN", vars: { userid: account, holder: account } });
    const described = describeFailure(failure);
    expect(described.permanent).toBe(true);
    expect(described.message).toContain(account);

    const members = (await sim.ctl<{ members: SimMember[] }>("GET", `corps/${school.corp.corpid}/directory`)).members;
    expect(members.filter((m) => m.userid.toLowerCase() === account.toLowerCase())).toMatchObject([
      { name: "王老师", mobile: "13700001001" },
    ]);
  });
});
