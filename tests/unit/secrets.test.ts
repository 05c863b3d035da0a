import { createCipheriv, createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  blindIndex,
  decryptLegacySecret,
  decryptSecret,
  encryptSecret,
  isLegacySealed,
  maskIdNumber,
  parseKey,
  sealContext,
} from "~/server/crypto/secrets";

const key = randomBytes(32);
const otherKey = randomBytes(32);

/** Flips one bit of the part of a sealed secret at `index` (1 iv, 2 tag, 3 body). */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[index] ?? "", "base64url");
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

const ROW_A = sealContext("Tenant", "wecomSecretEnc", "11111111-1111-4111-8111-111111111111");
const ROW_B = sealContext("Tenant", "wecomSecretEnc", "22222222-2222-4222-8222-222222222222");

/** A v1 value as the platform wrote it before ciphertexts were bound to their row (no AAD). */
function sealV1(plaintext: string, k: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", k, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

describe("encryptSecret / decryptSecret", () => {
  it("gives back the plaintext, including Chinese text", () => {
    for (const plaintext of ["110101200301011234", "企业微信 secret ✓", ""]) {
      expect(decryptSecret(encryptSecret(plaintext, key, ROW_A), key, ROW_A)).toBe(plaintext);
    }
  });

  it("produces a different ciphertext each time for the same plaintext", () => {
    const a = encryptSecret("110101200301011234", key, ROW_A);
    const b = encryptSecret("110101200301011234", key, ROW_A);
    expect(a).not.toBe(b);
  });

  it("does not reveal the plaintext in the stored form", () => {
    const plaintext = "110101200301011234";
    const sealed = encryptSecret(plaintext, key, ROW_A);
    expect(sealed.startsWith("v2.")).toBe(true);
    expect(sealed).not.toContain(plaintext);
    expect(sealed).not.toContain(Buffer.from(plaintext).toString("base64url"));
    expect(sealed).not.toContain("1234");
  });

  it("refuses a ciphertext whose body, tag or iv was changed", () => {
    const sealed = encryptSecret("wecom-secret", key, ROW_A);
    for (const index of [1, 2, 3]) expect(() => decryptSecret(tamper(sealed, index), key, ROW_A)).toThrow();
  });

  it("refuses to decrypt with another key", () => {
    expect(() => decryptSecret(encryptSecret("wecom-secret", key, ROW_A), otherKey, ROW_A)).toThrow();
  });

  it("refuses a ciphertext copied from another row or another column", () => {
    const sealed = encryptSecret("wecom-secret", key, ROW_A);
    expect(() => decryptSecret(sealed, key, ROW_B)).toThrow();
    expect(() =>
      decryptSecret(sealed, key, sealContext("Tenant", "wecomContactSecretEnc", "11111111-1111-4111-8111-111111111111")),
    ).toThrow();
    expect(() => decryptSecret(sealed, key, sealContext("Member", "idNumberEnc", "11111111-1111-4111-8111-111111111111"))).toThrow();
  });

  it("refuses a tag shortened to fewer than 16 bytes, even when it is a valid prefix", () => {
    const sealed = encryptSecret("wecom-secret", key, ROW_A);
    const parts = sealed.split(".");
    for (const bytes of [4, 8, 12, 15]) {
      const short = [...parts];
      short[2] = Buffer.from(parts[2]!, "base64url").subarray(0, bytes).toString("base64url");
      expect(() => decryptSecret(short.join("."), key, ROW_A)).toThrow(/Not an encrypted secret/);
    }
  });

  it("refuses the old unbound v1 format, which only the re-seal reads", () => {
    const legacy = sealV1("wecom-secret", key);
    expect(() => decryptSecret(legacy, key, ROW_A)).toThrow(/Not an encrypted secret/);
    expect(isLegacySealed(legacy)).toBe(true);
    expect(decryptLegacySecret(legacy, key)).toBe("wecom-secret");
    expect(() => decryptLegacySecret(encryptSecret("x", key, ROW_A), key)).toThrow(/Not an encrypted secret/);
  });

  it("refuses text that is not a sealed secret", () => {
    expect(() => decryptSecret("plain-text", key, ROW_A)).toThrow(/Not an encrypted secret/);
    expect(() => decryptSecret("v3.a.b.c", key, ROW_A)).toThrow(/Not an encrypted secret/);
  });
});

describe("parseKey", () => {
  it("accepts a 32-byte base64 key", () => {
    expect(parseKey(key.toString("base64")).equals(key)).toBe(true);
  });

  it("refuses a key of the wrong length with a message naming APP_ENCRYPTION_KEY", () => {
    expect(() => parseKey(randomBytes(16).toString("base64"))).toThrow(/APP_ENCRYPTION_KEY/);
  });
});

describe("blindIndex", () => {
  const school = "11111111-1111-4111-8111-111111111111";
  const otherSchool = "22222222-2222-4222-8222-222222222222";

  it("is the same for one ID number whatever its case, width or surrounding spaces", () => {
    expect(blindIndex("11010119800101123x", key, school)).toBe(blindIndex(" 11010119800101123X ", key, school));
    expect(blindIndex("e12345678", key, school)).toBe(blindIndex("E12345678", key, school));
    // Full-width digits and letters as a Chinese keyboard types them.
    expect(blindIndex("１１０１０１１９８００１０１１２３ｘ", key, school)).toBe(blindIndex("11010119800101123X", key, school));
  });

  it("differs between different ID numbers", () => {
    expect(blindIndex("110101200301011234", key, school)).not.toBe(blindIndex("110101200302022345", key, school));
  });

  it("differs between schools, so one school's index cannot be matched against another's", () => {
    expect(blindIndex("110101200301011234", key, school)).not.toBe(blindIndex("110101200301011234", key, otherSchool));
  });

  it("differs between keys, so it cannot be matched across deployments", () => {
    expect(blindIndex("110101200301011234", key, school)).not.toBe(blindIndex("110101200301011234", otherKey, school));
  });

  it("is not a plain HMAC under the encryption key itself (the index has a key of its own)", () => {
    const plain = createHmac("sha256", key).update("id-number:").update("110101200301011234").digest("hex");
    const direct = createHmac("sha256", key).update("110101200301011234").digest("hex");
    expect([plain, direct]).not.toContain(blindIndex("110101200301011234", key, school));
  });

  it("does not contain the ID number", () => {
    expect(blindIndex("110101200301011234", key, school)).not.toContain("110101200301011234");
  });
});

describe("maskIdNumber", () => {
  it("shows only the first and last four characters of a resident ID", () => {
    expect(maskIdNumber("130523200101011234")).toBe("1305**********1234");
  });

  it("shows at most a quarter of a passport number at each end", () => {
    expect(maskIdNumber("E12345678")).toBe("E1*****78");
    expect(maskIdNumber("12345678")).toBe("12****78");
  });

  it("hides very short numbers entirely", () => {
    expect(maskIdNumber("123")).toBe("***");
  });
});
