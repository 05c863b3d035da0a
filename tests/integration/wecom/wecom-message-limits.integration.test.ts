// WeCom cuts a text message over 2048 bytes off without a word (OFF 90236; the
// simulator does the same by default): the product counts bytes, sends what fits
// intact, and refuses the rest before anything reaches WeCom.
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { createBoss, startBoss } from "~/server/jobs/queue";
import { runWecomSyncJob } from "~/server/wecom/sync";
import { describeFailure } from "~/server/wecom/worker";
import { startSim, uniqueId, type TestSim } from "../wecom-sim/helpers";
import { testPrisma } from "../support";
import { connectedSchool, countCalls, encryptionKey, FAST_RETRY, type ConnectedSchool } from "./wecom-test-kit";

const prisma = testPrisma();
let sim: TestSim;
let jobs: PgBoss;

beforeAll(async () => {
  sim = await startSim();
  jobs = await startBoss(createBoss(process.env.TEST_DATABASE_URL!));
});
afterAll(async () => {
  await jobs.stop({ graceful: false, wait: true });
  await sim.close();
  await prisma.$disconnect();
});

type Delivery = { userid: string; msgtype: string; content: { content?: string; title?: string; description?: string } };

const FITS = `${"认".repeat(682)}ok`; // 682 × 3 + 2 = 2048 bytes
const TOO_LONG = "认".repeat(683); // 2049 bytes, though only 683 characters

/** A school with its member in WeCom (the product's record names the userid). */
async function schoolWithMemberInWecom(): Promise<{ school: ConnectedSchool; userid: string }> {
  const school = await connectedSchool(prisma, sim);
  const userid = uniqueId("msg");
  await (
    await school.client()
  ).createUser({ userid, name: "收件人", mobile: `139${String(Date.now()).slice(-8)}`, department: [1], to_invite: false });
  await prisma.member.update({ where: { id: school.tenant.memberId }, data: { wecomUserId: userid } });
  return { school, userid };
}

const inbox = async (school: ConnectedSchool, userid: string) =>
  (await sim.ctl<Delivery[]>("GET", `corps/${school.corp.corpid}/messages`)).filter((m) => m.userid === userid);

describe("a text message's 2048-byte limit", () => {
  it("sends 682 汉字 and 2 letters (2048 bytes) through the message job, and they arrive intact", async () => {
    const { school, userid } = await schoolWithMemberInWecom();
    expect(Buffer.byteLength(FITS)).toBe(2048);
    await runWecomSyncJob(
      { prisma, jobs, encryptionKey: encryptionKey(), retry: FAST_RETRY },
      { kind: "message.text", tenantId: school.tenant.tenantId, memberIds: [school.tenant.memberId], content: FITS },
    );
    const delivered = await inbox(school, userid);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.content.content).toBe(FITS);
  });

  it("refuses 683 汉字 (2049 bytes) with the byte limit in the admin's words, and sends nothing", async () => {
    const { school, userid } = await schoolWithMemberInWecom();
    const client = await school.client();
    const calls = countCalls();
    let error: unknown;
    try {
      error = await client.sendText({ touser: [userid], content: TOO_LONG }).catch((e: unknown) => e);
      // A message job carrying it is refused too (enqueueWecomSync parses with the same schema).
      await expect(
        runWecomSyncJob(
          { prisma, jobs, encryptionKey: encryptionKey() },
          { kind: "message.text", tenantId: school.tenant.tenantId, memberIds: [school.tenant.memberId], content: TOO_LONG },
        ),
      ).rejects.toThrow(/2048 字节（约 682 个汉字/);
    } finally {
      calls.restore();
    }
    expect(error).toBeInstanceOf(AppError);
    const failure = describeFailure(error);
    expect(failure.permanent).toBe(true);
    expect(failure.message).toContain("最多接受 2048 字节（约 682 个汉字；字母和数字每个 1 字节），当前为 2049 字节");
    expect(failure.en).toContain("at most 2048 bytes");
    expect(calls.of("message/send")).toBe(0);
    expect(await inbox(school, userid)).toEqual([]);
  });

  it("refuses a text card whose title is over 128 bytes, and sends one that fits intact", async () => {
    const { school, userid } = await schoolWithMemberInWecom();
    const client = await school.client();
    const card = {
      touser: [userid],
      title: `${"认".repeat(42)}ok`,
      description: "请在 3 天内完成企业微信认证",
      url: "https://campus.example/join",
      btntxt: "去认证",
    };
    await expect(client.sendTextCard({ ...card, title: "认".repeat(43) })).rejects.toMatchObject({ code: "WECOM_CARD_TOO_LONG" });
    expect(await inbox(school, userid)).toEqual([]);
    await client.sendTextCard(card);
    expect((await inbox(school, userid))[0]?.content).toMatchObject({ title: card.title, description: card.description });
  });
});

describe("the service hall's text card (servicehall/notify.ts)", () => {
  it("is delivered by the message job as WeCom's textcard, its title, description, link and button intact", async () => {
    const { school, userid } = await schoolWithMemberInWecom();
    const card = {
      title: "待办：网站变更申请",
      description: "申请人：张三<br>审批环节：第 1 步 辅导员审核",
      url: `http://${school.tenant.host}/hall/a/00000000-0000-4000-8000-000000000000`,
      btntxt: "查看",
    };
    await runWecomSyncJob(
      { prisma, jobs, encryptionKey: encryptionKey(), retry: FAST_RETRY },
      { kind: "message.textcard", tenantId: school.tenant.tenantId, memberIds: [school.tenant.memberId], card },
    );
    const delivered = await inbox(school, userid);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ msgtype: "textcard", content: { title: card.title, description: card.description } });
  });
});
