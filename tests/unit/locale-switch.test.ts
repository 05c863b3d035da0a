import { describe, expect, it } from "vitest";
import { GET } from "~/app/api/locale/route";
import { localPath } from "~/server/http/local-path";

const HOST = "ucas.localhost:3000";

function switchTo(query: string, headers: Record<string, string> = {}) {
  return GET(new Request(`http://${HOST}/api/locale?${query}`, { headers: { host: HOST, "x-forwarded-proto": "http", ...headers } }));
}

describe("localPath()", () => {
  it("keeps a plain path with its query", () => {
    expect(localPath("/admin?q=2024001")).toBe("/admin?q=2024001");
    expect(localPath("/")).toBe("/");
  });

  it("refuses anything that could leave the site", () => {
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "evil",
      "/\t/evil.example",
      "",
      null,
    ]) {
      expect(localPath(bad)).toBeNull();
    }
  });
});

describe("the language switch (/api/locale)", () => {
  it("sets the language and returns to the `next` path", () => {
    const response = switchTo("to=en&next=%2Fme%3Fx%3D1");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/me?x=1");
    expect(response.headers.get("set-cookie")).toContain("locale=en");
  });

  it("accepts `returnTo` too", () => {
    expect(switchTo("to=en&returnTo=%2Flogin").headers.get("location")).toBe("/login");
  });

  it("never redirects off the site through `next`", () => {
    for (const next of ["//evil.example", "/\\evil.example", "https://evil.example", "%2F%2Fevil.example"]) {
      expect(switchTo(`to=en&next=${encodeURIComponent(next)}`).headers.get("location")).toBe("/");
    }
  });

  it("returns to the Referer's path when it is this same origin", () => {
    expect(switchTo("to=en", { referer: `http://${HOST}/admin?q=1` }).headers.get("location")).toBe("/admin?q=1");
  });

  it("goes home for a Referer of another site or another scheme", () => {
    expect(switchTo("to=en", { referer: "http://evil.localhost:3000/x" }).headers.get("location")).toBe("/");
    expect(switchTo("to=en", { referer: `https://${HOST}/x` }).headers.get("location")).toBe("/");
  });

  it("goes home, never 500, for a garbage or absent Referer", () => {
    for (const referer of ["not a url", "http://", "::::", "%"]) {
      const response = switchTo("to=zh-CN", { referer });
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/");
    }
    expect(switchTo("to=zh-CN").headers.get("location")).toBe("/");
  });
});
