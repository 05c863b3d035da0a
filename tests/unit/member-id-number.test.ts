// The member form's ID number rules (GB 11643): a resident ID's check character is checked, never
// corrected; full-width digits and a lower-case x are read as typed on a Chinese keyboard.
import { describe, expect, it } from "vitest";
import { residentIdCheckOk } from "~/server/members/id-number";
import { idNumberInput } from "~/server/members/id-number-fields";

describe("resident ID check character", () => {
  it("accepts right ones, including X and a lower-case or full-width form", () => {
    expect(residentIdCheckOk("11010519491231002X")).toBe(true);
    expect(residentIdCheckOk("11010519491231002x")).toBe(true);
    expect(residentIdCheckOk("１１０１０５１９４９１２３１００２Ｘ")).toBe(true);
  });

  it("refuses a wrong check character or a wrong length", () => {
    expect(residentIdCheckOk("110105194912310021")).toBe(false);
    expect(residentIdCheckOk("11010519491231002")).toBe(false);
  });
});

describe("the form's ID number field", () => {
  it("normalises what was typed and refuses a resident ID with a wrong check character", () => {
    expect(idNumberInput.parse(" 11010519491231002x ")).toBe("11010519491231002X");
    expect(idNumberInput.parse("e12345678")).toBe("E12345678");
    expect(idNumberInput.safeParse("110105194912310021").success).toBe(false);
    expect(idNumberInput.safeParse("E1234/678").success).toBe(false);
  });
});
