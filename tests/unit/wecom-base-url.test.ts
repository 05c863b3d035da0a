// Which WeCom API base URLs the platform allows (security review H1): the real
// one always, the operator's simulator only when WECOM_SIMULATOR_URL names it.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bareOrigin, isAllowedWecomBaseUrl, WECOM_API_BASE_URL, wecomBaseUrlChoices } from "~/server/wecom/base-url";

const saved = process.env.WECOM_SIMULATOR_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.WECOM_SIMULATOR_URL;
  else process.env.WECOM_SIMULATOR_URL = saved;
});

describe("WeCom API base URLs", () => {
  it("allows only the real WeCom when no simulator is configured", () => {
    delete process.env.WECOM_SIMULATOR_URL;
    expect(wecomBaseUrlChoices()).toEqual([{ value: WECOM_API_BASE_URL, simulator: false }]);
    expect(isAllowedWecomBaseUrl("https://qyapi.weixin.qq.com")).toBe(true);
    expect(isAllowedWecomBaseUrl("http://127.0.0.1:3900")).toBe(false);
  });

  it("adds the operator's simulator, and nothing that merely looks like it", () => {
    process.env.WECOM_SIMULATOR_URL = "http://127.0.0.1:3900";
    expect(isAllowedWecomBaseUrl("http://127.0.0.1:3900")).toBe(true);
    for (const near of [
      "http://127.0.0.1:3900/",
      "http://127.0.0.1:3901",
      "http://127.0.0.1:3900/x",
      "http://localhost:3900",
      "https://127.0.0.1:3900",
    ]) {
      expect(isAllowedWecomBaseUrl(near), near).toBe(false);
    }
  });

  it("takes a bare origin only: no path, query, fragment or userinfo", () => {
    expect(bareOrigin("https://qyapi.weixin.qq.com")).toBe("https://qyapi.weixin.qq.com");
    expect(bareOrigin("http://127.0.0.1:3900/")).toBe("http://127.0.0.1:3900");
    for (const bad of [
      "ftp://h",
      "http://u:p@h",
      "http://h/x",
      "http://h?x",
      "http://h/?",
      "http://h#",
      "not a url",
      "file:///etc/passwd",
    ]) {
      expect(bareOrigin(bad), bad).toBeNull();
    }
  });

  it("stops the start when WECOM_SIMULATOR_URL is not a bare origin, naming it", async () => {
    const base = {
      DATABASE_URL: "postgresql://127.0.0.1/x",
      APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      NEXTAUTH_SECRET: "x".repeat(40),
    };
    const load = async (url: string) => {
      Object.assign(process.env, base, { WECOM_SIMULATOR_URL: url });
      vi.resetModules();
      return (await import("~/env")).serverEnv;
    };
    await expect(load("http://127.0.0.1:3900/cgi-bin?").then((env) => env())).rejects.toThrow(
      /WECOM_SIMULATOR_URL: must be an http\(s\):\/\/host:port origin/,
    );
    expect((await load("http://127.0.0.1:3900"))().WECOM_SIMULATOR_URL).toBe("http://127.0.0.1:3900");
  });
});
