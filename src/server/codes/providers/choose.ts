// The providers the platform operator chose (src/env.ts): the outbox in development and
// demo, Tencent Cloud SMS in production; none when nothing is set up, and asking for a
// code then says so.
import { emailProvider, serverEnv, smsProvider, type ServerEnv } from "~/env";
import { outboxProvider } from "./outbox";
import type { CodeProviders } from "./provider";
import { tencentSmsConfig, tencentSmsProvider } from "./tencent-sms";

export function codeProviders(env: ServerEnv = serverEnv()): CodeProviders {
  const sms = smsProvider(env);
  return {
    sms: sms === "outbox" ? outboxProvider : sms === "tencent" ? tencentSmsProvider(tencentSmsConfig(env)) : null,
    email: emailProvider(env) === "outbox" ? outboxProvider : null,
  };
}

/** The channels whose codes the outbox delivers, i.e. what the outbox pages may show. */
export function outboxChannels(env: ServerEnv = serverEnv()): ("SMS" | "EMAIL")[] {
  return [...(smsProvider(env) === "outbox" ? (["SMS"] as const) : []), ...(emailProvider(env) === "outbox" ? (["EMAIL"] as const) : [])];
}
