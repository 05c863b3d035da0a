// Stored secrets are bound to their row: a ciphertext copied from one school to
// another does not open; values written before that (v1) are re-sealed by the
// data step every start runs after migrating, blind indexes recomputed per school.
import { createCipheriv, createHmac, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blindIndex, decryptSecret, encryptSecret, parseKey, sealContext } from "~/server/crypto/secrets";
import { resealLegacySecrets } from "~/server/db/reseal";
import { searchMembers } from "~/server/members/directory-search";
import { loadWecomConnection } from "~/server/wecom/connection";
import { wecomSealContext } from "~/server/wecom/seals";
import { makeTenant, testPrisma, testScope, unique, type TestTenant } from "./support";

const prisma = testPrisma();
const key = parseKey(process.env.APP_ENCRYPTION_KEY!);
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  a = await makeTenant(prisma);
  b = await makeTenant(prisma);
});
afterAll(() => prisma.$disconnect());

/** A value exactly as the platform sealed it before v2: no AAD. */
function sealV1(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The blind index as v1 computed it: one HMAC under the encryption key for every school. */
const v1Index = (value: string) => createHmac("sha256", key).update("id-number:").update(value.trim().toUpperCase()).digest("hex");

async function connect(t: TestTenant, secret: string) {
  await prisma.wecomConnection.update({
    where: { tenantId: t.tenantId },
    data: { corpId: "wwtest", agentId: 1000002, appSecretEnc: encryptSecret(secret, key, wecomSealContext("appSecretEnc", t.tenantId)) },
  });
}

async function memberWithIdNumber(t: TestTenant, idNumber: string, sealed: (id: string) => { idNumberEnc: string; idNumberHash: string }) {
  const id = randomUUID();
  await prisma.member.create({
    data: { id, tenantId: t.tenantId, account: unique("I"), name: "证件测试", identityKindId: t.identityKindId, ...sealed(id) },
  });
  return id;
}

describe("row-bound secrets", () => {
  it("a school's WeCom secret copied into another school's row does not decrypt there", async () => {
    await connect(a, "secret-of-a");
    await connect(b, "secret-of-b");
    expect((await loadWecomConnection(prisma, a.tenantId, key)).appSecret).toBe("secret-of-a");

    const stolen = (await prisma.wecomConnection.findUniqueOrThrow({ where: { tenantId: a.tenantId } })).appSecretEnc;
    await prisma.wecomConnection.update({ where: { tenantId: b.tenantId }, data: { appSecretEnc: stolen } });
    await expect(loadWecomConnection(prisma, b.tenantId, key)).rejects.toThrow();
  });

  it("a member's ID number copied into another member's row does not decrypt there", async () => {
    const first = await memberWithIdNumber(a, "110101200301011234", (id) => ({
      idNumberEnc: encryptSecret("110101200301011234", key, sealContext("Member", "idNumberEnc", id)),
      idNumberHash: blindIndex("110101200301011234", key, a.tenantId),
    }));
    const row = await prisma.member.findUniqueOrThrow({ where: { id: first } });
    expect(decryptSecret(row.idNumberEnc!, key, sealContext("Member", "idNumberEnc", first))).toBe("110101200301011234");
    expect(() => decryptSecret(row.idNumberEnc!, key, sealContext("Member", "idNumberEnc", a.memberId))).toThrow();
  });
});

describe("resealLegacySecrets (after the SQL migrations)", () => {
  it("re-seals v1 values as row-bound v2, recomputes blind indexes per school, and a second run changes nothing", async () => {
    const c = await makeTenant(prisma);
    const d = await makeTenant(prisma);
    await prisma.wecomConnection.update({
      where: { tenantId: c.tenantId },
      data: { corpId: "wwlegacy", agentId: 1000002, appSecretEnc: sealV1("legacy-app-secret"), callbackTokenEnc: sealV1("legacy-token") },
    });
    // Before the re-seal the v1 value is refused: nothing reads the unbound format any more.
    await expect(loadWecomConnection(prisma, c.tenantId, key)).rejects.toThrow(/Not an encrypted secret/);

    const idNumber = "11010119800101123X";
    const inC = await memberWithIdNumber(c, idNumber, () => ({ idNumberEnc: sealV1(idNumber), idNumberHash: v1Index(idNumber) }));
    const inD = await memberWithIdNumber(d, idNumber, () => ({ idNumberEnc: sealV1(idNumber), idNumberHash: v1Index(idNumber) }));
    const token = await prisma.wecomToken.create({
      data: {
        tenantId: c.tenantId,
        cacheKey: "app:legacy",
        tokenEnc: sealV1("legacy-access-token"),
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });

    const report = await resealLegacySecrets(prisma, key, { batchSize: 1 });
    expect(report["WecomConnection.appSecretEnc"]).toBeGreaterThanOrEqual(1);
    expect(report["Member.idNumberEnc"]).toBeGreaterThanOrEqual(2);

    expect((await loadWecomConnection(prisma, c.tenantId, key)).appSecret).toBe("legacy-app-secret");
    const connection = await prisma.wecomConnection.findUniqueOrThrow({ where: { tenantId: c.tenantId } });
    expect(connection.callbackTokenEnc!.startsWith("v2.")).toBe(true);
    expect(decryptSecret(connection.callbackTokenEnc!, key, wecomSealContext("callbackTokenEnc", c.tenantId))).toBe("legacy-token");

    const [memberC, memberD] = await Promise.all([
      prisma.member.findUniqueOrThrow({ where: { id: inC } }),
      prisma.member.findUniqueOrThrow({ where: { id: inD } }),
    ]);
    expect(decryptSecret(memberC.idNumberEnc!, key, sealContext("Member", "idNumberEnc", inC))).toBe(idNumber);
    expect(memberC.idNumberHash).toBe(blindIndex(idNumber, key, c.tenantId));
    expect(memberD.idNumberHash).toBe(blindIndex(idNumber, key, d.tenantId));
    // The same ID number in two schools no longer shares a hash.
    expect(memberC.idNumberHash).not.toBe(memberD.idNumberHash);
    expect(memberC.idNumberHash).not.toBe(v1Index(idNumber));

    const tokenRow = await prisma.wecomToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(tokenRow.tokenEnc.startsWith("v2.")).toBe(true);

    const before = await prisma.member.findMany({ where: { id: { in: [inC, inD] } }, orderBy: { id: "asc" } });
    const second = await resealLegacySecrets(prisma, key);
    expect(Object.values(second).every((n) => n === 0)).toBe(true);
    expect(await prisma.member.findMany({ where: { id: { in: [inC, inD] } }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("stops with a message naming APP_ENCRYPTION_KEY when a v1 value was sealed under another key", async () => {
    const e = await makeTenant(prisma);
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", randomBytes(32), iv);
    const body = Buffer.concat([cipher.update("x", "utf8"), cipher.final()]);
    const foreign = ["v1", iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
    await prisma.identityProviderSettings.update({ where: { tenantId: e.tenantId }, data: { oidcClientSecretEnc: foreign } });
    try {
      await expect(resealLegacySecrets(prisma, key)).rejects.toThrow(/APP_ENCRYPTION_KEY/);
    } finally {
      await prisma.identityProviderSettings.update({ where: { tenantId: e.tenantId }, data: { oidcClientSecretEnc: null } });
    }
  });
});

describe("ID-number search through the blind index", () => {
  it("finds the member from full-width digits and a lower-case x, and only in their own school", async () => {
    const idNumber = "11010119900101002X";
    const member = await memberWithIdNumber(a, idNumber, (id) => ({
      idNumberEnc: encryptSecret(idNumber, key, sealContext("Member", "idNumberEnc", id)),
      idNumberHash: blindIndex(idNumber, key, a.tenantId),
    }));
    for (const typed of [idNumber, "11010119900101002x", "１１０１０１１９９００１０１００２ｘ", ` ${idNumber} `]) {
      const found = (await searchMembers(await testScope(prisma, a.tenantId), { query: typed, pageSize: 10 })).rows;
      expect(found.map((m) => m.id)).toEqual([member]);
    }
    // The same number in school B's search finds nothing of A's.
    expect((await searchMembers(await testScope(prisma, b.tenantId), { query: idNumber, pageSize: 10 })).rows).toEqual([]);
  });
});
