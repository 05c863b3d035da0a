import { describe, expect, it } from "vitest";
import { departmentLevels, departmentPath } from "~/server/departments/department-path";

describe("department paths", () => {
  it("writes the same department the same way however the file spelled it", () => {
    expect(departmentPath(" 计算机学院 / 软件工程 //2024级1班 ")).toBe("计算机学院/软件工程/2024级1班");
    expect(departmentPath("计算机学院\\软件工程>2024级1班")).toBe("计算机学院/软件工程/2024级1班");
    expect(departmentPath("  ")).toBe("");
  });

  it("lists every level once, parents before their children", () => {
    const levels = departmentLevels(["计算机学院/软件工程/2024级1班", "计算机学院/软件工程/2024级2班", "物理学院", ""]);
    expect(levels.map((l) => [l.path, l.name, l.parentPath, l.depth])).toEqual([
      ["计算机学院", "计算机学院", "", 1],
      ["物理学院", "物理学院", "", 1],
      ["计算机学院/软件工程", "软件工程", "计算机学院", 2],
      ["计算机学院/软件工程/2024级1班", "2024级1班", "计算机学院/软件工程", 3],
      ["计算机学院/软件工程/2024级2班", "2024级2班", "计算机学院/软件工程", 3],
    ]);
  });
});
