import { describe, expect, it } from "vitest";
import { CODE_POLICY_BOUNDS, codePolicyInput, ttlMinutes } from "~/server/codes/policy";

const DEFAULTS = {
  length: 6,
  ttlSeconds: 300,
  maxAttempts: 5,
  resendSeconds: 60,
  dailyCapPerDestination: 10,
  dailyCapPerAddress: 3000,
  dailyBudget: 5000,
};
type Field = keyof typeof DEFAULTS;
const fields = Object.keys(CODE_POLICY_BOUNDS) as Field[];

function fieldErrors(input: unknown): string[] {
  const parsed = codePolicyInput.safeParse(input);
  return parsed.success ? [] : Object.keys(parsed.error.flatten().fieldErrors);
}

describe("codePolicyInput", () => {
  it("accepts the defaults (six digits, five minutes, five tries, 60 s, 10 a day per phone, 3,000 per address, 5,000 for the school)", () => {
    expect(codePolicyInput.parse(DEFAULTS)).toEqual(DEFAULTS);
  });

  it.each(fields)("accepts %s at both ends of its range", (field) => {
    const { min, max } = CODE_POLICY_BOUNDS[field];
    // The other fields stay consistent (the resend interval within the lifetime).
    const consistent = (value: number) => ({
      ...DEFAULTS,
      [field]: value,
      ...(field === "ttlSeconds" ? { resendSeconds: Math.min(60, value) } : {}),
      ...(field === "resendSeconds" ? { ttlSeconds: Math.max(value, 600) } : {}),
    });
    expect(fieldErrors(consistent(min))).toEqual([]);
    expect(fieldErrors(consistent(max))).toEqual([]);
  });

  it.each(fields)("names %s when it is below, above or between whole numbers", (field) => {
    const { min, max } = CODE_POLICY_BOUNDS[field];
    expect(fieldErrors({ ...DEFAULTS, [field]: min - 1 })).toContain(field);
    expect(fieldErrors({ ...DEFAULTS, [field]: max + 1 })).toContain(field);
    expect(fieldErrors({ ...DEFAULTS, [field]: min + 0.5 })).toContain(field);
  });

  it("keeps the code to at most six digits, which SMS code templates take", () => {
    expect(fieldErrors({ ...DEFAULTS, length: 7 })).toEqual(["length"]);
  });

  it("refuses codes shorter than six digits, more than five tries and more than 20 codes a day to one phone", () => {
    expect(fieldErrors({ ...DEFAULTS, length: 4 })).toEqual(["length"]);
    expect(fieldErrors({ ...DEFAULTS, maxAttempts: 10 })).toEqual(["maxAttempts"]);
    expect(fieldErrors({ ...DEFAULTS, dailyCapPerDestination: 100 })).toEqual(["dailyCapPerDestination"]);
  });

  it("leaves the school's message budget as it is when a form does not send it", () => {
    const withoutBudget: Partial<typeof DEFAULTS> = { ...DEFAULTS };
    delete withoutBudget.dailyBudget;
    expect(codePolicyInput.parse(withoutBudget)).not.toHaveProperty("dailyBudget");
  });

  it("wants a lifetime in whole minutes, since the message says how many minutes", () => {
    expect(fieldErrors({ ...DEFAULTS, ttlSeconds: 90 })).toEqual(["ttlSeconds"]);
    expect(ttlMinutes({ ttlSeconds: 300 })).toBe(5);
  });

  it("refuses a resend interval longer than the code lives", () => {
    expect(fieldErrors({ ...DEFAULTS, ttlSeconds: 120, resendSeconds: 180 })).toEqual(["resendSeconds"]);
  });

  it("reads numbers typed into a form", () => {
    expect(codePolicyInput.parse({ ...DEFAULTS, maxAttempts: "3", dailyCapPerAddress: "5000" })).toMatchObject({
      maxAttempts: 3,
      dailyCapPerAddress: 5000,
    });
  });

  it("refuses a missing field, an empty one and a field it does not know", () => {
    const withoutLength: Partial<typeof DEFAULTS> = { ...DEFAULTS };
    delete withoutLength.length;
    expect(fieldErrors(withoutLength)).toContain("length");
    expect(fieldErrors({ ...DEFAULTS, maxAttempts: "" })).toContain("maxAttempts");
    expect(codePolicyInput.safeParse({ ...DEFAULTS, tenantId: "x" }).success).toBe(false);
  });
});
