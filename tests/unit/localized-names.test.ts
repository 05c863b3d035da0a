// A school's and an identity kind's name in the reader's language (what replaced `locale === "en" ? … : …` in pages).
import { describe, expect, it } from "vitest";
import { kindName, schoolName } from "~/i18n/locale";

describe("schoolName", () => {
  it("gives an English reader the school's English name, and a Chinese reader its own", () => {
    const school = { name: "中国科学院大学", nameEn: "University of Chinese Academy of Sciences" };
    expect(schoolName(school, "en")).toBe("University of Chinese Academy of Sciences");
    expect(schoolName(school, "zh-CN")).toBe("中国科学院大学");
  });

  it("falls back to the school's own name when it has no English one", () => {
    expect(schoolName({ name: "上海工程技术大学", nameEn: "" }, "en")).toBe("上海工程技术大学");
    expect(schoolName({ name: "上海工程技术大学", nameEn: null }, "en")).toBe("上海工程技术大学");
  });
});

describe("kindName", () => {
  it("names an identity kind in the reader's language", () => {
    const kind = { nameZh: "在校师生", nameEn: "Students and staff" };
    expect(kindName(kind, "en")).toBe("Students and staff");
    expect(kindName(kind, "zh-CN")).toBe("在校师生");
  });
});
