// The logs an operator reads say what happened — a sign-in, a WeCom sync job,
// a callback — and never hold what would let a reader act as someone: no
// password, WeCom secret or access token, callback key, or ID number, even at
// the most talkative level.
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as authPost, GET as authGet } from "~/app/api/auth/[...nextauth]/route";
import { POST as callbackPost } from "~/app/api/wecom/callback/[slug]/route";
import { decryptSecret, encryptSecret, sealContext, wecomTokenContext } from "~/server/crypto/secrets";
import { createBoss, startBoss } from "~/server/jobs/queue";
import { replaceRootLogger, rootLogger } from "~/server/log";
import { callbackSignature, encryptMessage } from "~/server/wecom/callback-crypto";
import { handleWecomJob } from "~/server/wecom/worker";
import { captured, repeatedKeys } from "./log-capture";
import { PASSWORD, testPrisma } from "./support";
import { connectedSchool, encryptionKey, syncDeps, type ConnectedSchool, withCallbackKeys } from "./wecom/wecom-test-kit";
import { startSim, type TestSim } from "./wecom-sim/helpers";

const prisma = testPrisma();
let sim: TestSim;
let boss: PgBoss;
let school: ConnectedSchool;
const ID_NUMBER = "110101200301011234";

beforeAll(async () => {
  sim = await startSim();
  boss = await startBoss(createBoss(process.env.TEST_DATABASE_URL!));
  school = await connectedSchool(prisma, sim);
  await prisma.member.update({
    where: { id: school.tenant.memberId },
    data: { idNumberEnc: encryptSecret(ID_NUMBER, encryptionKey(), sealContext("Member", "idNumberEnc", school.tenant.memberId)) },
  });
});
afterEach(() => replaceRootLogger(null));
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await sim.close();
  await prisma.$disconnect();
});

/** What must never appear in a log line. */
async function secretsOf(): Promise<string[]> {
  const tokens = await prisma.wecomToken.findMany({ where: { tenantId: school.tenant.tenantId } });
  expect(tokens.length).toBeGreaterThan(0);
  return [
    PASSWORD,
    school.corp.assistantSecret,
    school.corp.contactSecret,
    ID_NUMBER,
    ...tokens.map((t) => decryptSecret(t.tokenEnc, encryptionKey(), wecomTokenContext(t.tenantId, t.cacheKey))),
  ];
}

describe("log lines", () => {
  it("censor sensitive keys wherever they sit, and keep an error's message and code", async () => {
    const output = await captured(() => {
      const error = Object.assign(new Error("boom"), { code: "P2002", meta: { secret: "in-meta" } });
      rootLogger().info({ password: "p1", input: { code: "123456", nested: { appSecret: "s1" } }, ticket: "ST-1", err: error }, "probe");
      return Promise.resolve();
    });
    expect(output).toContain('"msg":"probe"');
    expect(output).toContain('"errorCode":"P2002"');
    for (const secret of ["p1", "123456", "s1", "ST-1", "in-meta"]) expect(output).not.toContain(secret);
  });

  it("of a sign-in name the account and the outcome, never the password", async () => {
    const host = school.tenant.host;
    const call = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => {
      const request = new Request(`http://${host}/api/auth/${path}`, {
        method: init.method ?? "GET",
        headers: { host, ...init.headers },
        body: init.body,
      });
      const context = { params: Promise.resolve({ nextauth: path.split("?")[0]!.split("/") }) };
      return (init.method === "POST" ? authPost : authGet)(request, context);
    };
    const output = await captured(async () => {
      const csrfResponse = await call("csrf");
      const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
      const cookie = csrfResponse.headers
        .getSetCookie()
        .map((c) => c.split(";")[0]!)
        .join("; ");
      for (const password of ["Wrong-Password-1", PASSWORD]) {
        await call("callback/member", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie },
          body: new URLSearchParams({ csrfToken, identifier: school.tenant.memberAccount, password, json: "true" }).toString(),
        });
      }
    });
    expect(output).toContain('"msg":"sign-in refused"');
    expect(output).toContain('"msg":"signed in"');
    expect(output).toContain(school.tenant.memberAccount);
    for (const secret of [PASSWORD, "Wrong-Password-1"]) expect(output).not.toContain(secret);
  });

  it("of a WeCom sync job and of a callback say what was done, never a secret, token, key or ID number", async () => {
    const keys = await withCallbackKeys(prisma, school.tenant.tenantId);
    const job = {
      id: "00000000-0000-4000-8000-000000000001",
      name: "wecom-sync",
      data: { kind: "member.upsert", tenantId: school.tenant.tenantId, memberId: school.tenant.memberId },
    };
    const syncOutput = await captured(() => handleWecomJob(syncDeps(prisma, boss), job as PgBoss.Job<unknown>));
    expect(syncOutput).toContain('"msg":"wecom call"');
    expect(syncOutput).toContain('"msg":"job done"');
    // Each of the job's WeCom calls names the job, so an operator can follow one job through the log.
    const calls = syncOutput.split("\n").filter((line) => line.includes('"msg":"wecom call"'));
    expect(calls.length).toBeGreaterThan(0);
    for (const line of calls) {
      expect(JSON.parse(line)).toMatchObject({ jobId: job.id, component: "wecom-client" });
      expect(repeatedKeys(line)).toEqual([]);
    }

    const member = await prisma.member.findUniqueOrThrow({ where: { id: school.tenant.memberId } });
    const xml = `<xml><ToUserName>${school.corp.corpid}</ToUserName><FromUserName>sys</FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType>event</MsgType><Event>subscribe</Event><AgentID>${school.corp.assistantAgentid}</AgentID></xml>`;
    const withUser = xml.replace("<FromUserName>sys</FromUserName>", `<FromUserName>${member.wecomUserId}</FromUserName>`);
    const encrypted = encryptMessage(withUser, { encodingAesKey: keys.encodingAesKey, receiveId: school.corp.corpid });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = "lognonce";
    const signature = callbackSignature(keys.token, timestamp, nonce, encrypted);
    const url = `http://${school.tenant.host}/api/wecom/callback/${school.tenant.slug}?msg_signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`;
    const callbackOutput = await captured(async () => {
      const response = await callbackPost(
        new Request(url, { method: "POST", body: `<xml><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>` }),
        {
          params: Promise.resolve({ slug: school.tenant.slug }),
        },
      );
      expect(response.status).toBe(200);
    });
    expect(callbackOutput).toContain('"msg":"callback applied"');

    for (const secret of [...(await secretsOf()), keys.token, keys.encodingAesKey, encrypted]) {
      expect(syncOutput).not.toContain(secret);
      expect(callbackOutput).not.toContain(secret);
    }
  });
});
