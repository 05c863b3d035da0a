import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const VALID = {
  DATABASE_URL: "postgresql://postgres:secret@127.0.0.1:5432/campus",
  APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  NEXTAUTH_SECRET: "x".repeat(40),
};
const TENCENT = {
  SMS_PROVIDER: "tencent",
  TENCENT_SMS_SECRET_ID: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
  TENCENT_SMS_SECRET_KEY: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
  TENCENT_SMS_SDK_APP_ID: "1400006666",
  TENCENT_SMS_SIGN_NAME: "示范大学",
  TENCENT_SMS_TEMPLATE_ID: "449739",
};
const MANAGED = [
  ...Object.keys(VALID),
  ...Object.keys(TENCENT),
  "PLATFORM_DOMAIN",
  "EMAIL_PROVIDER",
  "TENCENT_SMS_INTL_TEMPLATE_ID",
  "TENCENT_SMS_REGION",
  "SMTP_URL",
  "SMTP_FROM",
  // Refused on a real platform domain: cleared, so a shell that has them set does not stop these tests.
  "WECOM_SIMULATOR_URL",
];

let saved: Record<string, string | undefined> = {};

async function envModuleWith(vars: Record<string, string>) {
  for (const name of MANAGED) delete process.env[name];
  Object.assign(process.env, vars);
  vi.resetModules();
  return import("~/env");
}

beforeEach(() => {
  saved = Object.fromEntries(MANAGED.map((name) => [name, process.env[name]]));
});

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("code providers in the environment", () => {
  it("uses the outbox for SMS and e-mail on a localhost platform domain when nothing is set (demo and tests)", async () => {
    const { serverEnv, smsProvider, emailProvider } = await envModuleWith(VALID);
    expect(smsProvider(serverEnv())).toBe("outbox");
    expect(emailProvider(serverEnv())).toBe("outbox");
  });

  it("uses no provider on a real domain when nothing is set, so no code can silently land in an outbox", async () => {
    const { serverEnv, smsProvider, emailProvider } = await envModuleWith({ ...VALID, PLATFORM_DOMAIN: "campus.example.com" });
    expect(smsProvider(serverEnv())).toBeNull();
    expect(emailProvider(serverEnv())).toBeNull();
  });

  it("refuses the outbox on a real domain, naming the variable and why", async () => {
    const { serverEnv } = await envModuleWith({ ...VALID, PLATFORM_DOMAIN: "campus.example.com", SMS_PROVIDER: "outbox" });
    expect(() => serverEnv()).toThrow(/SMS_PROVIDER: outbox is for development only/);
    const email = await envModuleWith({ ...VALID, PLATFORM_DOMAIN: "campus.example.com", EMAIL_PROVIDER: "outbox" });
    expect(() => email.serverEnv()).toThrow(/EMAIL_PROVIDER: outbox is for development only/);
  });

  it("accepts Tencent Cloud SMS with its settings, the region defaulting to ap-guangzhou", async () => {
    const { serverEnv, smsProvider } = await envModuleWith({ ...VALID, PLATFORM_DOMAIN: "campus.example.com", ...TENCENT });
    expect(smsProvider(serverEnv())).toBe("tencent");
    expect(serverEnv().TENCENT_SMS_REGION).toBe("ap-guangzhou");
    expect(serverEnv().TENCENT_SMS_INTL_TEMPLATE_ID).toBeUndefined();
  });

  it("names every Tencent setting that is missing when SMS_PROVIDER=tencent", async () => {
    const { serverEnv } = await envModuleWith({ ...VALID, SMS_PROVIDER: "tencent", TENCENT_SMS_SECRET_ID: TENCENT.TENCENT_SMS_SECRET_ID });
    let message = "";
    try {
      serverEnv();
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ["TENCENT_SMS_SECRET_KEY", "TENCENT_SMS_SDK_APP_ID", "TENCENT_SMS_SIGN_NAME", "TENCENT_SMS_TEMPLATE_ID"]) {
      expect(message).toContain(`${name}: is required when SMS_PROVIDER=tencent`);
    }
    expect(message).not.toContain("TENCENT_SMS_SECRET_ID:");
  });

  it("names a Tencent setting of the wrong form, and an unknown provider", async () => {
    const bad = await envModuleWith({ ...VALID, ...TENCENT, TENCENT_SMS_SDK_APP_ID: "14000" });
    expect(() => bad.serverEnv()).toThrow(/TENCENT_SMS_SDK_APP_ID: must be the 10-digit SdkAppId/);
    const unknown = await envModuleWith({ ...VALID, SMS_PROVIDER: "aliyun" });
    expect(() => unknown.serverEnv()).toThrow(/SMS_PROVIDER/);
  });

  it("treats empty provider settings as unset", async () => {
    const { serverEnv, smsProvider } = await envModuleWith({ ...VALID, SMS_PROVIDER: "", TENCENT_SMS_REGION: "" });
    expect(smsProvider(serverEnv())).toBe("outbox");
    expect(serverEnv().TENCENT_SMS_REGION).toBe("ap-guangzhou");
  });

  it("accepts SMTP with its server and sender on a real domain", async () => {
    const { serverEnv, emailProvider } = await envModuleWith({
      ...VALID,
      PLATFORM_DOMAIN: "campus.example.com",
      EMAIL_PROVIDER: "smtp",
      SMTP_URL: "smtps://mailer:p%40ss@smtp.example.com:465",
      SMTP_FROM: "noreply@campus.example.com",
    });
    expect(emailProvider(serverEnv())).toBe("smtp");
  });

  it("names the SMTP settings that are missing or malformed, never quoting the server's password", async () => {
    const missing = await envModuleWith({ ...VALID, EMAIL_PROVIDER: "smtp" });
    expect(() => missing.serverEnv()).toThrow(
      /SMTP_URL: is required when EMAIL_PROVIDER=smtp[\s\S]*SMTP_FROM: is required when EMAIL_PROVIDER=smtp/,
    );
    const bad = await envModuleWith({
      ...VALID,
      EMAIL_PROVIDER: "smtp",
      SMTP_URL: "https://mailer:hunter2secret@smtp.example.com",
      SMTP_FROM: "noreply",
    });
    let message = "";
    try {
      bad.serverEnv();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("SMTP_URL: must be smtps://user:password@host:465 or smtp://user:password@host:587");
    expect(message).toContain("SMTP_FROM: must be an e-mail address");
    expect(message).not.toContain("hunter2secret");
  });
});
