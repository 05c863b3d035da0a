// The providers the platform operator chose (src/env.ts): the outbox in development and
// demo, Tencent Cloud SMS and an SMTP server in production; none when nothing is set up,
// and asking for a code then says so.
import { emailProvider, serverEnv, smsProvider, type ServerEnv } from "~/env";
import { outboxProvider } from "./outbox";
import type { CodeProviders, EmailProvider } from "./provider";
import { smtpConfig, smtpEmailProvider } from "./smtp-email";
import { tencentSmsConfig, tencentSmsProvider } from "./tencent-sms";

export function codeProviders(env: ServerEnv = serverEnv()): CodeProviders {
  const sms = smsProvider(env);
  return {
    sms: sms === "outbox" ? outboxProvider : sms === "tencent" ? tencentSmsProvider(tencentSmsConfig(env)) : null,
    email: emailFor(env),
  };
}

/** One SMTP transport per configuration: it holds no connection between sends, only its options. */
let smtp: { url: string; from: string; provider: EmailProvider } | null = null;

function emailFor(env: ServerEnv): EmailProvider | null {
  const email = emailProvider(env);
  if (email === "outbox") return outboxProvider;
  if (email !== "smtp") return null;
  const config = smtpConfig(env);
  if (smtp?.url !== config.url || smtp.from !== config.from) smtp = { ...config, provider: smtpEmailProvider(config) };
  return smtp.provider;
}

/** The channels whose codes the outbox delivers, i.e. what the outbox pages may show. */
export function outboxChannels(env: ServerEnv = serverEnv()): ("SMS" | "EMAIL")[] {
  return [...(smsProvider(env) === "outbox" ? (["SMS"] as const) : []), ...(emailProvider(env) === "outbox" ? (["EMAIL"] as const) : [])];
}
