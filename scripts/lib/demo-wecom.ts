// Demo mode: the demo schools talk to the bundled WeCom simulator. Each gets a
// corp there (with secrets generated once and kept encrypted in the product's
// database), callbacks pointing back at the app, and its members synced by jobs.
// The corps are set up the way a school's admin sets up WeCom today (reference §7.5):
// the assistant app has the product's callback URL (which the console needs before it
// takes trusted IPs), the 消息中心 app a trusted domain, and both apps and the
// contact-sync assistant trust the product's egress IPs; the contact callback is the
// restricted one every callback configured since 2022-08-15 is.
import { randomBytes } from "node:crypto";
import type PgBoss from "pg-boss";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { decryptSecret, encryptSecret } from "../../src/server/crypto/secrets";
import { tenantDb } from "../../src/server/db/tenant-db";
import { DEMO_TENANTS } from "../../src/server/seed/demo-tenants";
import { generateCallbackKeys } from "../../src/server/wecom/callback-crypto";
import { wecomSealContext, type WecomSealedColumn } from "../../src/server/wecom/seals";
import { enqueueWecomSync } from "../../src/server/wecom/sync";

const ASSISTANT_AGENT_ID = 1000003;
const MESSAGE_AGENT_ID = 1000002;
/** The product's egress IPs as the local simulator sees them (the product calls it over loopback). */
const EGRESS_IPS = ["127.0.0.1", "::1"];
const demoCorpId = (slug: string) => `wwcampus${slug}`;

/** The school's own host on the app's port ({slug}.localhost), where its member pages are. */
const schoolUrl = (appUrl: string, slug: string) => `http://${slug}.localhost:${new URL(appUrl).port}`;

/** The 二次验证 page WeCom sends a school's members to, where the school asks for it (uestc). */
const secondVerificationUrl = (appUrl: string, slug: string, wanted: boolean) => (wanted ? `${schoolUrl(appUrl, slug)}/verify` : null);

type Options = { prisma: PrismaClient; boss: PgBoss; key: Buffer; simUrl: string; appUrl: string };

async function control<T>(simUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${simUrl}/__sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`WeCom simulator ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Gives a demo school its WeCom settings the first time, and points them at this simulator. */
async function wireTenant(options: Options, slug: string) {
  const tenant = await options.prisma.tenant.findUnique({ where: { slug }, select: { id: true, name: true, wecomConnection: true } });
  if (!tenant?.wecomConnection) return null;
  const corpId = demoCorpId(slug);
  const before = tenant.wecomConnection;
  if (before.corpId && before.corpId !== corpId) return null; // an admin connected it elsewhere: leave it
  const seal = (value: string, column: WecomSealedColumn) => encryptSecret(value, options.key, wecomSealContext(column, tenant.id));
  const keys = generateCallbackKeys();
  const firstTime = !before.corpId;
  const updated = await options.prisma.wecomConnection.update({
    where: { tenantId: tenant.id },
    data: {
      apiBaseUrl: options.simUrl,
      ...(firstTime
        ? {
            corpId,
            agentId: ASSISTANT_AGENT_ID,
            appSecretEnc: seal(randomBytes(24).toString("base64url"), "appSecretEnc"),
            contactSecretEnc: seal(randomBytes(24).toString("base64url"), "contactSecretEnc"),
            callbackTokenEnc: seal(keys.token, "callbackTokenEnc"),
            callbackAesKeyEnc: seal(keys.encodingAesKey, "callbackAesKeyEnc"),
          }
        : {}),
    },
  });
  const open = (sealed: string | null, column: WecomSealedColumn) =>
    decryptSecret(sealed!, options.key, wecomSealContext(column, tenant.id));
  const callback = {
    url: `${options.appUrl}/api/wecom/callback/${slug}`,
    token: open(updated.callbackTokenEnc, "callbackTokenEnc"),
    encodingAesKey: open(updated.callbackAesKeyEnc, "callbackAesKeyEnc"),
  };
  return {
    tenantId: tenant.id,
    corp: {
      corpid: corpId,
      name: tenant.name,
      contactSecret: open(updated.contactSecretEnc, "contactSecretEnc"),
      // As the school's admin enters it in WeCom's console (二次验证 → 验证页面): the product's /verify.
      secondVerificationUrl: secondVerificationUrl(options.appUrl, slug, before.secondVerification),
      contactTrustedIps: EGRESS_IPS,
      apps: [
        { agentid: MESSAGE_AGENT_ID, ...messageAppSite(options.appUrl), trustedIps: EGRESS_IPS },
        {
          agentid: ASSISTANT_AGENT_ID,
          name: updated.assistantAppName,
          isAssistant: true,
          secret: open(updated.appSecretEnc, "appSecretEnc"),
          callback,
          trustedIps: EGRESS_IPS,
        },
      ],
    },
    callback,
    firstTime,
  };
}

/** The 消息中心 app's trusted domain: the product's host (the console's prerequisite for its trusted IPs). */
const messageAppSite = (appUrl: string) => ({ name: "消息中心", trustedDomain: new URL(appUrl).host });

export async function connectDemoSchoolsToSimulator(options: Options): Promise<number> {
  const existing = new Set((await control<{ corpid: string }[]>(options.simUrl, "GET", "corps")).map((c) => c.corpid));
  let connected = 0;
  for (const demo of DEMO_TENANTS) {
    const wired = await wireTenant(options, demo.slug);
    if (!wired) continue;
    const fresh = !existing.has(wired.corp.corpid);
    if (fresh) await control(options.simUrl, "POST", "corps", wired.corp);
    for (const agent of ["contacts", String(ASSISTANT_AGENT_ID)]) {
      await control(options.simUrl, "PUT", `corps/${wired.corp.corpid}/callbacks/${agent}`, wired.callback);
    }
    if (!fresh) {
      // A corp kept from an earlier run (its callback URL set just above): trust the product's IPs again.
      await control(options.simUrl, "PATCH", `corps/${wired.corp.corpid}`, { contactTrustedIps: EGRESS_IPS });
      await control(options.simUrl, "PATCH", `corps/${wired.corp.corpid}/apps/${MESSAGE_AGENT_ID}`, {
        ...messageAppSite(options.appUrl),
        trustedIps: EGRESS_IPS,
      });
      await control(options.simUrl, "PATCH", `corps/${wired.corp.corpid}/apps/${ASSISTANT_AGENT_ID}`, { trustedIps: EGRESS_IPS });
      // The app may run on another port than last time: the verification page moves with it.
      await control(options.simUrl, "PUT", `corps/${wired.corp.corpid}/second-verification`, { url: wired.corp.secondVerificationUrl });
    }
    // A corp new to the simulator gets the school's directory through the ordinary sync jobs; so do
    // members the product holds no WeCom record of (e.g. data from before that record existed),
    // whose upsert adopts the userid WeCom already has.
    const db = tenantDb(options.prisma, wired.tenantId);
    await db.$transaction(async (tx) => {
      for (const member of await tx.member.findMany({ where: fresh ? {} : { wecom: { is: null } }, select: { id: true } })) {
        await enqueueWecomSync(options.boss, tx, { kind: "member.upsert", tenantId: wired.tenantId, memberId: member.id });
      }
    });
    connected++;
  }
  return connected;
}
