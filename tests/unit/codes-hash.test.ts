import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { codeMatches, destinationTag, hashCode, type CodeBinding } from "~/server/codes/code-hash";

const key = randomBytes(32);
const binding: CodeBinding = {
  id: "0b6f5c1e-6f4e-4b8e-9a55-7f1f0b1c2d3e",
  tenantId: "11111111-1111-4111-8111-111111111111",
  purpose: "BIND_PHONE",
  destination: "+8613800000001",
};

describe("hashCode", () => {
  it("is HMAC-SHA256, under a key derived from the platform key for codes and this school, over the row and the code", () => {
    const derived = Buffer.from(hkdfSync("sha256", key, Buffer.from(binding.tenantId), "verification-code", 32));
    const expected = createHmac("sha256", derived).update(`${binding.id}\nBIND_PHONE\n+8613800000001\n042917`).digest("base64url");
    expect(hashCode(key, binding, "042917")).toBe(expected);
  });

  it("stores 43 base64url characters and never the digits", () => {
    const hash = hashCode(key, binding, "042917");
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain("042917");
  });

  it("differs for another code, row, purpose, destination, school or platform key", () => {
    const base = hashCode(key, binding, "042917");
    const variants = [
      hashCode(key, binding, "042918"),
      hashCode(key, { ...binding, id: "0b6f5c1e-6f4e-4b8e-9a55-7f1f0b1c2d3f" }, "042917"),
      hashCode(key, { ...binding, purpose: "CHANGE_PHONE" }, "042917"),
      hashCode(key, { ...binding, destination: "+8613800000002" }, "042917"),
      hashCode(key, { ...binding, tenantId: "22222222-2222-4222-8222-222222222222" }, "042917"),
      hashCode(randomBytes(32), binding, "042917"),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it("matches the right code only, and a hash copied to another row or school never matches", () => {
    const stored = hashCode(key, binding, "042917");
    expect(codeMatches(key, binding, "042917", stored)).toBe(true);
    expect(codeMatches(key, binding, "042971", stored)).toBe(false);
    expect(codeMatches(key, { ...binding, id: "0b6f5c1e-6f4e-4b8e-9a55-7f1f0b1c2d3f" }, "042917", stored)).toBe(false);
    expect(codeMatches(key, { ...binding, tenantId: "22222222-2222-4222-8222-222222222222" }, "042917", stored)).toBe(false);
    expect(codeMatches(key, binding, "042917", "not-a-hash")).toBe(false);
  });
});

describe("destinationTag", () => {
  it("names a destination in rate-limit keys without the number, stably, per school", () => {
    const tag = destinationTag(key, binding.tenantId, "+8613800000001");
    expect(tag).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(tag).not.toContain("13800000001");
    expect(destinationTag(key, binding.tenantId, "+8613800000001")).toBe(tag);
    expect(destinationTag(key, "22222222-2222-4222-8222-222222222222", "+8613800000001")).not.toBe(tag);
    expect(destinationTag(key, binding.tenantId, "+8613800000002")).not.toBe(tag);
  });
});
