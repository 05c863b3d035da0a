// The one schema a service's form is checked with (servicehall/definition.ts), the hall's audience
// rules (eligibility.ts, approvers.ts) and the notice's byte cut (notify.ts): what a member would
// notice if they broke — a required field let through, a wrong date accepted, a 学院's member
// refused, a card cut in the middle of a character.
import { describe, expect, it } from "vitest";
import { departmentAncestry } from "~/server/servicehall/approvers";
import { fieldProblems, formDefinition, valuesFromForm, valuesSchema } from "~/server/servicehall/definition";
import { inDepartment, mayApply } from "~/server/servicehall/eligibility";
import { fitBytes } from "~/server/servicehall/notify";

const fields = formDefinition.parse([
  { kind: "text", key: "name", labelZh: "名称", required: true, maxLength: 5 },
  { kind: "number", key: "pages", labelZh: "页数", integer: true, min: 1, max: 10 },
  { kind: "date", key: "due", labelZh: "日期" },
  {
    kind: "multiChoice",
    key: "parts",
    labelZh: "栏目",
    required: true,
    maxSelected: 2,
    options: [
      { value: "a", labelZh: "甲" },
      { value: "b", labelZh: "乙" },
      { value: "c", labelZh: "丙" },
    ],
  },
]);

const check = (raw: Record<string, unknown>, draft = false) => {
  const parsed = valuesSchema(fields, { draft }).safeParse(raw);
  return parsed.success ? { values: parsed.data } : { problems: fieldProblems(parsed.error) };
};

describe("a service form's schema", () => {
  it("accepts a filled form, as a form post sends it (numbers as text, one checked box as text)", () => {
    expect(check({ name: " 官网 ", pages: "3", due: "2026-03-09", parts: "a", extra: "dropped" })).toEqual({
      values: { name: "官网", pages: 3, due: "2026-03-09", parts: ["a"] },
    });
  });

  it("names each field's problem: missing (absent or blank), too long, not a whole number, no such day, too many chosen", () => {
    expect(check({})).toEqual({ problems: { name: "required", parts: "required" } });
    expect(check({ name: "", parts: [] })).toEqual({ problems: { name: "required", parts: "required" } });
    expect(check({ name: "六个字的名称", pages: "2.5", due: "2026-02-30", parts: ["a", "b", "c"] })).toEqual({
      problems: { name: "tooLong", pages: "notInteger", due: "badDate", parts: "tooMany" },
    });
    expect(check({ name: "ok", pages: "11", parts: ["z"] })).toEqual({ problems: { pages: "tooLarge", parts: "badChoice" } });
  });

  it("lets a draft leave required fields empty but not break a field's rules", () => {
    expect(check({}, true)).toEqual({ values: {} });
    expect(check({ pages: "x" }, true)).toEqual({ problems: { pages: "notNumber" } });
  });

  it("refuses a definition whose keys repeat, or an attachment that must be given (uploads are not built)", () => {
    const text = { kind: "text", key: "a", labelZh: "甲" };
    expect(formDefinition.safeParse([text, text]).success).toBe(false);
    expect(formDefinition.safeParse([{ kind: "attachment", key: "f", labelZh: "附件", required: true }]).success).toBe(false);
  });

  it("reads a form post's f_ entries, a key posted twice as a list", () => {
    const form = new URLSearchParams("serviceId=x&f_name=%E5%AE%98%E7%BD%91&f_parts=a&f_parts=b");
    expect(valuesFromForm(form)).toEqual({ name: "官网", parts: ["a", "b"] });
  });
});

describe("who may apply and who decides", () => {
  it("takes a department path and those under it, not a name that only begins the same", () => {
    expect(inDepartment("计算机学院/软件工程", "计算机学院")).toBe(true);
    expect(inDepartment("计算机学院", "计算机学院/")).toBe(true);
    expect(inDepartment("计算机学院二部", "计算机学院")).toBe(false);
    const service = { active: true, identityKinds: ["student_staff"], departmentPrefixes: [] };
    expect(mayApply(service, { identityKindCode: "candidate", department: "" })).toBe(false);
    expect(mayApply({ ...service, active: false }, { identityKindCode: "student_staff", department: "" })).toBe(false);
  });

  it("walks a department path up, nearest first", () => {
    expect(departmentAncestry("计算机学院/软件工程/1班")).toEqual(["计算机学院/软件工程/1班", "计算机学院/软件工程", "计算机学院"]);
    expect(departmentAncestry("")).toEqual([]);
  });
});

describe("a notice's text within WeCom's bytes", () => {
  it("cuts at a character boundary and marks the cut", () => {
    expect(fitBytes("短", 128)).toBe("短");
    const cut = fitBytes("意".repeat(100), 128);
    expect(Buffer.byteLength(cut, "utf8")).toBeLessThanOrEqual(128);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut).toMatch(/^意+…$/);
  });
});
