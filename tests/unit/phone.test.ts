import { describe, expect, it } from "vitest";
import { normalisePhone } from "~/server/members/phone";

const foreignAllowed = { allowForeign: true };
const mainlandOnly = { allowForeign: false };

describe("normalisePhone: mainland numbers", () => {
  it("stores an 11-digit 1[3-9] number as +86 and shows it as typed", () => {
    expect(normalisePhone("13800000001", mainlandOnly)).toEqual({
      ok: true,
      e164: "+8613800000001",
      display: "13800000001",
      foreign: false,
    });
    expect(normalisePhone("19912345678", mainlandOnly)).toEqual({
      ok: true,
      e164: "+8619912345678",
      display: "19912345678",
      foreign: false,
    });
  });

  it("ignores spaces and hyphens the member typed", () => {
    expect(normalisePhone("138 0000-0001", mainlandOnly)).toMatchObject({ ok: true, e164: "+8613800000001", display: "13800000001" });
  });

  it("accepts a +86 or 0086 prefix on a mainland number, even when foreign numbers are not allowed", () => {
    expect(normalisePhone("+8613800000001", mainlandOnly)).toEqual({
      ok: true,
      e164: "+8613800000001",
      display: "13800000001",
      foreign: false,
    });
    expect(normalisePhone("+86 138 0000 0001", mainlandOnly)).toMatchObject({ ok: true, e164: "+8613800000001" });
    expect(normalisePhone("008613800000001", mainlandOnly)).toMatchObject({ ok: true, e164: "+8613800000001", foreign: false });
  });

  it("refuses malformed mainland numbers as MAINLAND_FORMAT", () => {
    for (const bad of ["", "12345", "1380000000", "138000000011", "12800000001", "23800000001", "1380000000a", "+86123"]) {
      expect(normalisePhone(bad, foreignAllowed)).toEqual({ ok: false, reason: "MAINLAND_FORMAT" });
    }
  });
});

describe("normalisePhone: foreign numbers", () => {
  it("stores a 00-prefixed Hong Kong number as E.164 and shows it with 00", () => {
    expect(normalisePhone("0085291234567", foreignAllowed)).toEqual({
      ok: true,
      e164: "+85291234567",
      display: "0085291234567",
      foreign: true,
    });
  });

  it("stores a 00-prefixed US number as E.164 and shows it with 00", () => {
    expect(normalisePhone("0014155552671", foreignAllowed)).toEqual({
      ok: true,
      e164: "+14155552671",
      display: "0014155552671",
      foreign: true,
    });
  });

  it("accepts a +-prefixed foreign number and shows it in the 00 form", () => {
    expect(normalisePhone("+1 415-555-2671", foreignAllowed)).toEqual({
      ok: true,
      e164: "+14155552671",
      display: "0014155552671",
      foreign: true,
    });
  });

  it("refuses a foreign number when the school does not allow them", () => {
    expect(normalisePhone("0085291234567", mainlandOnly)).toEqual({ ok: false, reason: "FOREIGN_NOT_ALLOWED" });
    expect(normalisePhone("+14155552671", mainlandOnly)).toEqual({ ok: false, reason: "FOREIGN_NOT_ALLOWED" });
  });

  it("refuses an impossible foreign number as FOREIGN_INVALID", () => {
    expect(normalisePhone("008521234", foreignAllowed)).toEqual({ ok: false, reason: "FOREIGN_INVALID" });
    expect(normalisePhone("00999123456789", foreignAllowed)).toEqual({ ok: false, reason: "FOREIGN_INVALID" });
  });
});
