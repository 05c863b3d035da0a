// The branding's pure rules: which colours white text stays readable on, and what a logo upload is
// by its bytes (never by its name).
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { assertReadableColours } from "~/server/branding/brand-colours";
import { contrastWithWhite, MIN_CONTRAST } from "~/server/branding/colour-contrast";
import { logoTypeOf } from "~/server/branding/logo-image";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("contrast of white text on a school's colour", () => {
  it.each([
    ["#000000", 21],
    ["#ffffff", 1],
    ["#767676", 4.5],
    ["#777777", 4.4],
    ["#0b4ea2", 7.9],
    ["#f59e0b", 2.1],
  ])("white on %s is %s:1", (hex, ratio) => {
    expect(contrastWithWhite(hex)).toBe(ratio);
  });

  it("refuses a primary colour below 4.5:1 and an accent below 3:1, naming the colour and the ratios", () => {
    expect(() => assertReadableColours({ primaryColor: "#777777", accentColor: "#c8102e" })).toThrow(
      expect.objectContaining({
        code: "BRAND_PRIMARY_UNREADABLE",
        vars: { colour: "#777777", ratio: 4.4, needed: MIN_CONTRAST.primaryColor },
      }),
    );
    expect(() => assertReadableColours({ primaryColor: "#767676", accentColor: "#f59e0b" })).toThrow(
      expect.objectContaining({ code: "BRAND_ACCENT_UNREADABLE", vars: { colour: "#f59e0b", ratio: 2.1, needed: 3 } }),
    );
    expect(() => assertReadableColours({ primaryColor: "#767676", accentColor: "#949494" })).not.toThrow();
  });
});

describe("what an uploaded logo is, by its bytes", () => {
  it("knows a real PNG and a JPEG", async () => {
    expect(logoTypeOf(await QRCode.toBuffer("logo"))).toBe("image/png");
    expect(logoTypeOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]))).toBe("image/jpeg");
  });

  it.each([
    ["an SVG with a script", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ["an HTML page", "<!doctype html><script>alert(1)</script>"],
    ["an SVG behind an XML declaration", '<?xml version="1.0"?><svg><script>alert(1)</script></svg>'],
    ["a GIF", "GIF89a\u0001\u0000\u0001\u0000"],
    ["a WebP", "RIFF\u0000\u0000\u0000\u0000WEBPVP8 "],
    ["a PDF", "%PDF-1.7"],
  ])("refuses %s", (_what, text) => {
    expect(logoTypeOf(bytes(text))).toBeNull();
  });

  it("refuses a PNG signature with HTML after it, and an empty file", () => {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    expect(logoTypeOf(new Uint8Array([...signature, ...bytes("<html><script>alert(1)</script></html>")]))).toBeNull();
    expect(logoTypeOf(new Uint8Array())).toBeNull();
  });
});
