import { describe, expect, it } from "vitest";
import { generateCode } from "~/server/codes/generate-code";

/** Pearson's chi-square statistic of observed counts against a uniform expectation. */
function chiSquare(counts: number[], total: number): number {
  const expected = total / counts.length;
  return counts.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
}

describe("generateCode", () => {
  it("gives exactly six digits, leading zeros kept", () => {
    const codes = Array.from({ length: 50_000 }, () => generateCode(6));
    expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
    // About 10% start with 0 and 1% with 00: a code below 100000 is padded, not shortened or redrawn.
    const zero = codes.filter((code) => code.startsWith("0")).length;
    const doubleZero = codes.filter((code) => code.startsWith("00")).length;
    expect(zero).toBeGreaterThan(4_400);
    expect(zero).toBeLessThan(5_600);
    expect(doubleZero).toBeGreaterThan(350);
    expect(doubleZero).toBeLessThan(650);
  });

  it("draws every digit equally often at every position of a six-digit code", () => {
    const total = 60_000;
    const counts = Array.from({ length: 6 }, () => Array<number>(10).fill(0));
    for (let i = 0; i < total; i++) {
      [...generateCode(6)].forEach((digit, position) => counts[position]![Number(digit)]!++);
    }
    // 9 degrees of freedom: 40 is exceeded by chance about once in 200,000 runs.
    for (const position of counts) expect(chiSquare(position, total)).toBeLessThan(40);
  });

  it("draws every four-digit code equally often, 0000 to 9999 alike (no modulo bias)", () => {
    const total = 300_000;
    const counts = Array<number>(10_000).fill(0);
    for (let i = 0; i < total; i++) counts[Number(generateCode(4))]!++;
    // 9,999 degrees of freedom: mean 9,999, standard deviation about 141; allow six of them.
    expect(chiSquare(counts, total)).toBeLessThan(9_999 + 6 * 141);
    expect(counts.every((count) => count > 0)).toBe(true);
  });

  it("refuses a length no code policy allows", () => {
    expect(() => generateCode(0)).toThrow(RangeError);
    expect(() => generateCode(11)).toThrow(RangeError);
    expect(() => generateCode(5.5)).toThrow(RangeError);
  });
});
