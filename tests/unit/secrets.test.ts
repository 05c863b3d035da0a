import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { blindIndex, decryptSecret, encryptSecret, maskIdNumber, parseKey } from "~/server/crypto/secrets";

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

describe("encryptSecret / decryptSecret", () => {
  it("gives back the plaintext, including Chinese text", () => {
    for (const plaintext of ["110101200301011234", "企业微信 secret ✓", ""]) {
      expect(decryptSecret(encryptSecret(plaintext, key), key)).toBe(plaintext);
    }
  });

  it("produces a different ciphertext each time for the same plaintext", () => {
    const a = encryptSecret("110101200301011234", key);
    const b = encryptSecret("110101200301011234", key);
    expect(a).not.toBe(b);
  });

  it("does not reveal the plaintext in the stored form", () => {
    const plaintext = "110101200301011234";
    const sealed = encryptSecret(plaintext, key);
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain(plaintext);
    expect(sealed).not.toContain(Buffer.from(plaintext).toString("base64url"));
    expect(sealed).not.toContain("1234");
  });

  it("refuses a ciphertext whose body, tag or iv was changed", () => {
    const sealed = encryptSecret("wecom-secret", key);
    for (const index of [1, 2, 3]) expect(() => decryptSecret(tamper(sealed, index), key)).toThrow();
  });

  it("refuses to decrypt with another key", () => {
    expect(() => decryptSecret(encryptSecret("wecom-secret", key), otherKey)).toThrow();
  });

  it("refuses text that is not a sealed secret", () => {
    expect(() => decryptSecret("plain-text", key)).toThrow(/Not an encrypted secret/);
    expect(() => decryptSecret("v2.a.b.c", key)).toThrow(/Not an encrypted secret/);
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
  it("is the same for one ID number whatever its case or surrounding spaces", () => {
    expect(blindIndex("11010119800101123x", key)).toBe(blindIndex(" 11010119800101123X ", key));
    expect(blindIndex("e12345678", key)).toBe(blindIndex("E12345678", key));
  });

  it("differs between different ID numbers", () => {
    expect(blindIndex("110101200301011234", key)).not.toBe(blindIndex("110101200302022345", key));
  });

  it("differs between keys, so it cannot be matched across deployments", () => {
    expect(blindIndex("110101200301011234", key)).not.toBe(blindIndex("110101200301011234", otherKey));
  });

  it("does not contain the ID number", () => {
    expect(blindIndex("110101200301011234", key)).not.toContain("110101200301011234");
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
