import { describe, expect, it } from "vitest";
import { createBoundedMemo } from "~/server/security/bounded-memo";

const bytesOf = (value: string) => value.length;

describe("createBoundedMemo()", () => {
  it("makes a value once, however many callers ask for it while it is being made and after", async () => {
    const memo = createBoundedMemo<string>({ maxEntries: 10, maxBytes: 1000, sizeOf: bytesOf });
    let made = 0;
    const make = () => {
      made++;
      return Promise.resolve("image");
    };
    const all = await Promise.all(Array.from({ length: 12 }, () => memo.fill("a", make)));
    expect(all).toEqual(Array(12).fill("image"));
    expect(await memo.get("a")).toBe("image");
    expect(made).toBe(1);
  });

  it("forgets the least recently used entry past its entry count", async () => {
    const memo = createBoundedMemo<string>({ maxEntries: 2, maxBytes: 1000, sizeOf: bytesOf });
    await memo.fill("a", () => Promise.resolve("A"));
    await memo.fill("b", () => Promise.resolve("B"));
    void memo.get("a");
    await memo.fill("c", () => Promise.resolve("C"));
    expect(memo.get("b")).toBeUndefined();
    expect(await memo.get("a")).toBe("A");
    expect(await memo.get("c")).toBe("C");
    expect(memo.load().entries).toBe(2);
  });

  it("forgets the least recently used entries past its size, and keeps nothing larger than itself", async () => {
    const memo = createBoundedMemo<string>({ maxEntries: 100, maxBytes: 10, sizeOf: bytesOf });
    await memo.fill("a", () => Promise.resolve("aaaa"));
    await memo.fill("b", () => Promise.resolve("bbbb"));
    await memo.fill("c", () => Promise.resolve("cccc"));
    expect(memo.get("a")).toBeUndefined();
    expect(memo.load()).toEqual({ entries: 2, bytes: 8 });
    expect(await memo.fill("huge", () => Promise.resolve("x".repeat(11)))).toBe("x".repeat(11));
    expect(memo.get("huge")).toBeUndefined();
    expect(memo.load().bytes).toBeLessThanOrEqual(10);
  });

  it("does not keep a failure: the next caller makes it again", async () => {
    const memo = createBoundedMemo<string>({ maxEntries: 10, maxBytes: 1000, sizeOf: bytesOf });
    await expect(memo.fill("a", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(memo.get("a")).toBeUndefined();
    expect(await memo.fill("a", () => Promise.resolve("up"))).toBe("up");
  });
});
