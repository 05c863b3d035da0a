import { describe, expect, it } from "vitest";
import { DUMMY_HASH, hashPassword, verifyPassword } from "~/server/auth/passwords";

describe("password hashing", () => {
  it("hashes with argon2id and never stores the password itself", async () => {
    const hash = await hashPassword("Passw0rd!");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).not.toContain("Passw0rd!");
  });

  it("salts each hash, so one password gives different hashes", async () => {
    expect(await hashPassword("Passw0rd!")).not.toBe(await hashPassword("Passw0rd!"));
  });

  it("accepts the right password", async () => {
    const hash = await hashPassword("Passw0rd!");
    expect(await verifyPassword(hash, "Passw0rd!")).toBe(true);
  });

  it("refuses a wrong password, including one differing only in case", async () => {
    const hash = await hashPassword("Passw0rd!");
    expect(await verifyPassword(hash, "passw0rd!")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("answers false instead of throwing for a malformed stored hash", async () => {
    expect(await verifyPassword("not-a-hash", "Passw0rd!")).toBe(false);
    expect(await verifyPassword("", "Passw0rd!")).toBe(false);
    expect(await verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$broken", "Passw0rd!")).toBe(false);
  });
});

describe("the stand-in check for accounts without a hash", () => {
  it("costs what a real verify costs: the stand-in hash has the same argon2id parameters", async () => {
    const params = (h: string) => h.split("$").slice(1, 4).join("$");
    expect(params(DUMMY_HASH)).toBe(params(await hashPassword("anything")));
  });
});
