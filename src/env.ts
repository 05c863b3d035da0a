// Every environment variable the server reads, validated once. next.config.mjs
// and scripts/server.mjs load this file (through tsx), so a bad configuration
// fails at build and at start with a message that names the variable. Empty
// strings count as missing.
import { z } from "zod";
import { parseAddressList } from "./server/http/address-list";
import { bareOrigin } from "./server/wecom/bare-origin";
import { parseEgressIps } from "./server/wecom/egress-ips";

const emptyAsMissing = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsMissing, schema.optional());
const required = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsMissing, schema);

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

const serverSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** postgresql://… of the app's database. `npm start` fills it in with the embedded PostgreSQL when unset. */
  DATABASE_URL: required(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")),
  /**
   * The root domain: tenants live at {slug}.PLATFORM_DOMAIN, the vendor console at PLATFORM_DOMAIN/vendor.
   * Unset: localhost, except in production, where it must be set (checkedServerSchema).
   */
  PLATFORM_DOMAIN: optional(z.string().regex(/^[a-z0-9.-]+$/, "must be a bare host name such as campus.example.com")),
  /** Key that encrypts tenant secrets and ID numbers at rest. */
  APP_ENCRYPTION_KEY: required(base64Key),
  /** Signs the session cookies (next-auth). */
  NEXTAUTH_SECRET: required(z.string().min(32, "must be at least 32 characters")),
  /** Must stay unset: the origin comes from each tenant's host, never from one fixed URL. */
  NEXTAUTH_URL: optional(z.string()).refine((v) => v === undefined, {
    message: "must not be set: sessions are made per tenant host; remove NEXTAUTH_URL",
  }),
  /** Session lifetime in hours. */
  SESSION_MAX_AGE_HOURS: optional(z.coerce.number().int().min(1).max(720)).default(12),
  /** How much the JSON log says (src/server/log.ts reads it at first use; validated here so a typo stops the start). */
  LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])).default("info"),
  /** Job workers per app instance (WeCom sync); 0 runs none in this instance. */
  JOB_WORKERS: optional(z.coerce.number().int().min(0).max(16)).default(2),
  /** Hours between reconciliations of every school's members with WeCom (status, visible range); 1–24. */
  WECOM_RECONCILE_HOURS: optional(z.coerce.number().int().min(1).max(24)).default(6),
  /**
   * "true" when the app is served over https: cookies become `__Host-…` and Secure, and HSTS is sent.
   * Unset: true unless PLATFORM_DOMAIN is localhost or *.localhost (see secureCookies()).
   */
  SECURE_COOKIES: optional(z.enum(["true", "false"])),
  /**
   * Proxies in front of the app whose X-Forwarded-For is believed. 0: none, the socket's peer is the client;
   * N: the N-th address from the right of X-Forwarded-For (what the outermost trusted proxy saw).
   */
  TRUSTED_PROXY_HOPS: optional(z.coerce.number().int().min(0).max(10)).default(0),
  /**
   * The WeCom simulator's origin (http(s)://host:port, nothing after it): the one API besides the real
   * https://qyapi.weixin.qq.com that schools may choose. Unset in production. Read at use by
   * src/server/wecom/base-url.ts; validated here so a bad value stops the start.
   */
  WECOM_SIMULATOR_URL: optional(
    z
      .string()
      .refine(
        (v) => bareOrigin(v) !== null,
        "must be an http(s)://host:port origin with no path, query or user, e.g. http://127.0.0.1:3900",
      ),
  ),
  /**
   * The platform's egress IPs (comma-separated single IPv4/IPv6 addresses): what WeCom sees its calls come
   * from, which schools add as 企业可信IP. 【测试连接】 lists them when WeCom answers 60020. Unset = not
   * configured ([]). Read at use by src/server/wecom/egress-ips.ts; validated here so a bad value stops the start.
   */
  WECOM_EGRESS_IPS: optional(z.string()).transform((raw, ctx) => {
    try {
      return parseEgressIps(raw);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  }),
  /**
   * Who delivers SMS verification codes (src/server/codes/providers/): "outbox" stores them for the
   * /dev/outbox page (development and demo only: refused unless PLATFORM_DOMAIN is localhost), "tencent"
   * sends them through Tencent Cloud SMS with the TENCENT_SMS_* settings. Unset: the outbox on a
   * localhost PLATFORM_DOMAIN, otherwise none (asking for a code then says the service is not set up).
   */
  SMS_PROVIDER: optional(z.enum(["outbox", "tencent"])),
  /**
   * Who delivers e-mail codes: "outbox" (same rule as SMS_PROVIDER) or "smtp", through the mail server
   * SMTP_URL names, from SMTP_FROM (src/server/codes/providers/smtp-email.ts).
   */
  EMAIL_PROVIDER: optional(z.enum(["outbox", "smtp"])),
  /**
   * The mail server codes are sent through: smtps://user:password@host:465 (TLS from the start) or
   * smtp://user:password@host:587 (STARTTLS, required unless the host is this machine), the user and
   * password percent-encoded. A secret: it is never logged, and no message here quotes it.
   */
  SMTP_URL: optional(
    z
      .string()
      .refine(isSmtpUrl, "must be smtps://user:password@host:465 or smtp://user:password@host:587 (user and password percent-encoded)"),
  ),
  /** The sender's address, e.g. noreply@campus.example.com; the school's name is shown as the sender's name. */
  SMTP_FROM: optional(z.email("must be an e-mail address such as noreply@campus.example.com")),
  /** Tencent Cloud API key pair (访问管理 → API密钥), ideally of a sub-account allowed only sms:SendSms. */
  TENCENT_SMS_SECRET_ID: optional(z.string().regex(/^AKID[A-Za-z0-9]{8,64}$/, "must be a Tencent Cloud SecretId (AKID…)")),
  TENCENT_SMS_SECRET_KEY: optional(z.string().regex(/^[A-Za-z0-9]{16,64}$/, "must be a Tencent Cloud SecretKey")),
  /** The SMS application's SdkAppId (短信控制台 → 应用管理), e.g. 1400006666. */
  TENCENT_SMS_SDK_APP_ID: optional(z.string().regex(/^\d{10}$/, "must be the 10-digit SdkAppId of the SMS console, e.g. 1400006666")),
  /** The approved signature (签名), e.g. 某某大学; required by Tencent for mainland numbers. */
  TENCENT_SMS_SIGN_NAME: optional(z.string().trim().min(2).max(20)),
  /** An approved verification-code template with two parameters, the code and its lifetime in minutes. */
  TENCENT_SMS_TEMPLATE_ID: optional(z.string().regex(/^\d{1,12}$/, "must be the numeric template ID of the SMS console")),
  /** The same for numbers outside the mainland (国际/港澳台 template); unset, codes go to mainland numbers only. */
  TENCENT_SMS_INTL_TEMPLATE_ID: optional(z.string().regex(/^\d{1,12}$/, "must be the numeric template ID of the SMS console")),
  /** The API region (X-TC-Region), e.g. ap-guangzhou, ap-beijing, ap-nanjing. */
  TENCENT_SMS_REGION: optional(z.string().regex(/^ap-[a-z]+$/, "must be a Tencent Cloud region such as ap-guangzhou")).default(
    "ap-guangzhou",
  ),
  /**
   * Verification-code messages a day (China time) the whole platform may send, every school together:
   * the operator's ceiling on the SMS bill. The vendor console warns at half; at the limit no school
   * gets a code until midnight in Beijing.
   */
  CODES_PLATFORM_DAILY_BUDGET: optional(z.coerce.number().int().min(100).max(10_000_000)).default(50_000),
  /** The only client addresses (IPs and CIDRs, comma-separated) the vendor console answers; unset = any, and said loudly (vendorConsoleOpenToAll). */
  VENDOR_ALLOWED_ADDRESSES: optional(z.string()).transform((raw, ctx) => {
    try {
      return parseAddressList(raw);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  }),
  /**
   * The DNS servers the custom-domain check asks (host or host:port, comma-separated); unset: the
   * system's. Tests point it at a local server; an operator may name a public resolver so the check
   * sees what the schools' members see rather than a split-horizon view.
   */
  DNS_SERVERS: optional(z.string())
    .transform((raw) =>
      (raw ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[0-9a-fA-F.:[\]]+$/, "each server an IP address, optionally with :port"))),
});

/** The simulators the app may be pointed at: test doubles, answering whatever they are told. */
const SIMULATOR_URLS = ["WECOM_SIMULATOR_URL"] as const;

/** The rules that tie variables together: the platform domain's, the simulators', the code providers'. */
const checkedServerSchema = serverSchema
  .superRefine((env, ctx) => {
    // Unset, the platform would be localhost: cookies without Secure, the code outbox on, every URL wrong.
    // The demo and the tests run the production build on this machine and say PLATFORM_DOMAIN=localhost.
    if (env.NODE_ENV === "production" && env.PLATFORM_DOMAIN === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["PLATFORM_DOMAIN"],
        message:
          "must be set in production (NODE_ENV=production): the platform's root domain, e.g. campus.example.com (PLATFORM_DOMAIN=localhost only to try the build on this machine)",
      });
    }
    // The WeCom simulator accepts any call: on a real domain it would let a school's admin point the school
    // at it. Only the demo and the tests use one, on localhost. (The CAS and OIDC simulators are no variable:
    // the demo puts them on the operator's list of private origins, src/server/identity/private-origins.ts.)
    const domain = env.PLATFORM_DOMAIN ?? "localhost";
    if (!isLocalhostDomain(domain)) {
      for (const name of SIMULATOR_URLS) {
        if (env[name] !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: [name],
            message: `must not be set when PLATFORM_DOMAIN is a real domain (${domain}): simulators are for the demo and tests on localhost; unset ${name}`,
          });
        }
      }
    }
    checkCodeProviders({ ...env, PLATFORM_DOMAIN: domain }, ctx);
  })
  .transform((env) => ({ ...env, PLATFORM_DOMAIN: env.PLATFORM_DOMAIN ?? "localhost" }));

function checkCodeProviders(env: z.infer<typeof serverSchema> & { PLATFORM_DOMAIN: string }, ctx: z.RefinementCtx): void {
  // The outbox shows codes to anyone on a school's host: never on a real domain.
  for (const name of ["SMS_PROVIDER", "EMAIL_PROVIDER"] as const) {
    if (env[name] === "outbox" && !isLocalhostDomain(env.PLATFORM_DOMAIN)) {
      ctx.addIssue({
        code: "custom",
        path: [name],
        message: "outbox is for development only (its page shows every code): use a real provider when PLATFORM_DOMAIN is not localhost",
      });
    }
  }
  if (env.EMAIL_PROVIDER === "smtp") {
    for (const name of ["SMTP_URL", "SMTP_FROM"] as const) {
      if (env[name] === undefined) ctx.addIssue({ code: "custom", path: [name], message: "is required when EMAIL_PROVIDER=smtp" });
    }
  }
  if (env.SMS_PROVIDER === "tencent") {
    for (const name of TENCENT_SMS_REQUIRED) {
      if (env[name] === undefined) ctx.addIssue({ code: "custom", path: [name], message: "is required when SMS_PROVIDER=tencent" });
    }
  }
}

const TENCENT_SMS_REQUIRED = [
  "TENCENT_SMS_SECRET_ID",
  "TENCENT_SMS_SECRET_KEY",
  "TENCENT_SMS_SDK_APP_ID",
  "TENCENT_SMS_SIGN_NAME",
  "TENCENT_SMS_TEMPLATE_ID",
] as const;

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "" && (url.pathname === "" || url.pathname === "/");
  } catch {
    return false;
  }
}

function isLocalhostDomain(domain: string): boolean {
  return domain === "localhost" || domain.endsWith(".localhost");
}

/** Who delivers SMS codes: SMS_PROVIDER, else the outbox on a localhost domain; null when none is set up. */
export function smsProvider(env: Pick<ServerEnv, "SMS_PROVIDER" | "PLATFORM_DOMAIN"> = serverEnv()): "outbox" | "tencent" | null {
  return env.SMS_PROVIDER ?? (isLocalhostDomain(env.PLATFORM_DOMAIN) ? "outbox" : null);
}

/** Who delivers e-mail codes, by the same rule. */
export function emailProvider(env: Pick<ServerEnv, "EMAIL_PROVIDER" | "PLATFORM_DOMAIN"> = serverEnv()): "outbox" | "smtp" | null {
  return env.EMAIL_PROVIDER ?? (isLocalhostDomain(env.PLATFORM_DOMAIN) ? "outbox" : null);
}

/**
 * Whether cookies are Secure (and `__Host-`-prefixed) and HSTS is sent: SECURE_COOKIES when set, else
 * on everywhere but a localhost development domain, where browsers are on plain http.
 */
export function secureCookies(env: { SECURE_COOKIES?: "true" | "false" | undefined; PLATFORM_DOMAIN: string } = serverEnv()): boolean {
  if (env.SECURE_COOKIES) return env.SECURE_COOKIES === "true";
  return !(env.PLATFORM_DOMAIN === "localhost" || env.PLATFORM_DOMAIN.endsWith(".localhost"));
}

/**
 * Whether the vendor console answers every client address: VENDOR_ALLOWED_ADDRESSES unset. Allowed, so a
 * first start works, but the console's every page and the production start-up log say so (startupWarnings).
 */
export function vendorConsoleOpenToAll(env: Pick<ServerEnv, "VENDOR_ALLOWED_ADDRESSES"> = serverEnv()): boolean {
  return env.VENDOR_ALLOWED_ADDRESSES.length === 0;
}

/** What scripts/server.mjs warns about at start in production: settings that are allowed but unsafe. */
export function startupWarnings(env: Pick<ServerEnv, "NODE_ENV" | "VENDOR_ALLOWED_ADDRESSES"> = serverEnv()): string[] {
  if (env.NODE_ENV !== "production") return [];
  return vendorConsoleOpenToAll(env)
    ? [
        "VENDOR_ALLOWED_ADDRESSES is not set: the vendor console (sign-in included) answers every address on the internet. " +
          "Set it to the operator's office or VPN addresses, e.g. VENDOR_ALLOWED_ADDRESSES=203.0.113.7,198.51.100.0/24",
      ]
    : [];
}

export type ServerEnv = z.output<typeof checkedServerSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = checkedServerSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
