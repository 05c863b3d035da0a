import { describe, expect, it } from "vitest";
import { accountInput, normaliseAccount } from "~/server/members/account";

describe("normaliseAccount / accountInput", () => {
  it("turns full-width characters typed on a Chinese keyboard into ASCII and trims", () => {
    expect(normaliseAccount("　Ｔ１００１ ")).toBe("T1001");
    expect(accountInput.parse(" ２０２４００１\t")).toBe("2024001");
  });

  it("keeps the case as typed (uniqueness ignores case in the database)", () => {
    expect(accountInput.parse("t1001")).toBe("t1001");
    expect(accountInput.parse("T1001")).toBe("T1001");
  });

  it.each(["", " ", "-1001", ".abc", "张三", "a b", "a/b", "a".repeat(65), "T1001\u200b", "a;DROP"])("refuses %j", (typed) => {
    expect(accountInput.safeParse(typed).success).toBe(false);
  });

  it("accepts what the database's account CHECK accepts", () => {
    for (const ok of ["2024001", "S2024101", "K2026510001", "zhang.san@ucas", "a_b-c", "a".repeat(64)])
      expect(accountInput.parse(ok)).toBe(ok);
  });
});
