import { describe, expect, it } from "vitest";
import { chinaDay } from "~/server/codes/china-day";
import { displayPhone, emailDestination, maskDestination, phoneDestination } from "~/server/codes/destination";

describe("destinations", () => {
  it("takes a phone in E.164 only (the journey normalises what the member typed first)", () => {
    expect(phoneDestination.parse("+8613800000001")).toBe("+8613800000001");
    expect(phoneDestination.safeParse("13800000001").success).toBe(false);
    expect(phoneDestination.safeParse("0085291234567").success).toBe(false);
  });

  it("takes an e-mail address in lower case, so one inbox has one daily cap", () => {
    expect(emailDestination.parse(" Emma.Wilson@Example.EDU.cn ")).toBe("emma.wilson@example.edu.cn");
    expect(emailDestination.safeParse("not-an-address").success).toBe(false);
  });

  it("shows a phone the way members type it: mainland without +86, foreign with 00", () => {
    expect(displayPhone("+8613800000001")).toBe("13800000001");
    expect(displayPhone("+85291234567")).toBe("0085291234567");
  });

  it("masks a destination for log lines", () => {
    expect(maskDestination("+8613800000001")).toBe("138****0001");
    expect(maskDestination("+85291234567")).toBe("00852****4567");
    expect(maskDestination("emma.wilson@example.edu.cn")).toBe("e***@example.edu.cn");
  });
});

describe("chinaDay", () => {
  it("counts days in Beijing time: 23:59:59 there is the same day, one second left", () => {
    expect(chinaDay(new Date("2026-12-02T15:59:59Z"))).toEqual({ day: "20261202", secondsLeft: 1 });
  });

  it("starts a new day at midnight in Beijing (16:00 UTC), with the whole day left", () => {
    expect(chinaDay(new Date("2026-12-02T16:00:00Z"))).toEqual({ day: "20261203", secondsLeft: 86_400 });
    expect(chinaDay(new Date("2026-12-31T23:30:00Z"))).toEqual({ day: "20270101", secondsLeft: 16 * 3600 + 30 * 60 });
  });
});
