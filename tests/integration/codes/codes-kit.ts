// A school and a tenant scope for the verification-code tests, with the scope's log lines
// kept (to prove no code reaches them) and the code read back from the outbox, as a
// member in demo mode would.
import { Writable } from "node:stream";
import { expect } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { issueCode, type IssueCodeInput } from "~/server/codes/issue-code";
import { codeProviders } from "~/server/codes/providers/choose";
import type { CodeProviders } from "~/server/codes/providers/provider";
import { createBoss } from "~/server/jobs/queue";
import { createLogger } from "~/server/log";
import { tenantScope, type TenantScope } from "~/server/scope";
import { AppError, type AppErrorCode } from "~/server/errors";
import { tenantContextById } from "~/server/tenants/tenant-context";
import { makeTenant, type TestTenant } from "../support";

export type CodeSchool = TestTenant & { scope: TenantScope; logLines: string[] };

export async function codeSchool(prisma: PrismaClient, policy: Partial<Record<string, number>> = {}): Promise<CodeSchool> {
  const tenant = await makeTenant(prisma);
  if (Object.keys(policy).length > 0) await prisma.codePolicy.update({ where: { tenantId: tenant.tenantId }, data: policy });
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString("utf8"));
      done();
    },
  });
  const scope = tenantScope({
    prisma,
    tenant: await tenantContextById(prisma, tenant.tenantId),
    jobs: createBoss(process.env.TEST_DATABASE_URL!),
    actor: { kind: "member", id: tenant.memberId, ip: "203.0.113.7" },
    log: createLogger({ level: "debug", destination }),
  });
  return { ...tenant, scope, logLines };
}

/** A mainland number no other test uses. */
export function freshPhone(): string {
  return `+86137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
}

/** A code to the phone for the school's member, from one address; `extra` changes the purpose, member or address. */
export function bindPhone(
  school: CodeSchool,
  phone: string,
  extra: { purpose?: "BIND_PHONE" | "CHANGE_PHONE" | "RESET_PASSWORD" | "ACTIVATE_PHONE"; memberId?: string; ip?: string | null } = {},
): IssueCodeInput {
  return { purpose: "BIND_PHONE", memberId: school.memberId, ip: "203.0.113.7", ...extra, channel: "SMS", destination: phone };
}

/** Sends a code through the providers (the outbox by default) and returns it as the outbox shows it. */
export async function sendAndRead(
  prisma: PrismaClient,
  school: CodeSchool,
  input: IssueCodeInput,
  providers: CodeProviders = codeProviders(),
): Promise<{ codeId: string; code: string }> {
  const issued = await issueCode(school.scope, input, providers);
  return { codeId: issued.codeId, code: await latestOutboxCode(prisma, school, input.destination) };
}

export async function latestOutboxCode(prisma: PrismaClient, school: CodeSchool, destination: string): Promise<string> {
  const message = await prisma.outboxMessage.findFirstOrThrow({
    where: { tenantId: school.tenantId, destination },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const code = /验证码为 (\d+)/.exec(message.text)?.[1];
  if (!code) throw new Error(`No code in the outbox text: ${message.text}`);
  return code;
}

/** The catalogue code a call was refused with. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome, "expected a refusal").toBeInstanceOf(AppError);
  return outcome as AppError;
}

export async function refusedWith(promise: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const error = await refusal(promise);
  expect(error.code).toBe(code);
  return error;
}

/** Ends the resend interval of every code of this school now, as if the member had waited. */
export async function waitOutResend(prisma: PrismaClient, school: CodeSchool): Promise<void> {
  await prisma.$executeRawUnsafe(
    `UPDATE "RateLimit" SET "expiresAt" = now() - interval '1 second' WHERE key LIKE $1`,
    `codes:resend:${school.tenantId}:%`,
  );
}
