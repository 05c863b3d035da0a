// The operator's list of private origins, as the vendor console keeps it (/vendor/private-origins):
// each origin a school's unified login may be reached at besides public https servers, with whose
// it is and why. Opening an origin lets every school that types it make the platform call that
// address, so only the operator changes the list (vendorProcedure: signed in with the second
// factor), each change audited. outbound/private-origins.ts reads it at every call.
import { z } from "zod";
import type { PrismaClient } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { AppError, fromUniqueViolation } from "~/server/errors";
import { auditActor, type PlatformScope } from "~/server/scope";

/** What the demo's bootstrap and the tests note on the simulators they list. */
export const DEMO_SIMULATOR_NOTE = "演示用模拟器";

/**
 * An origin and nothing else — scheme://host[:port], http allowed (this list is the only place it
 * is) — as URL.origin spells it, so the check at connect time compares like with like.
 */
export const privateOriginValue = z
  .string()
  .trim()
  .max(300)
  .transform((raw, ctx) => {
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      url = null;
    }
    const bare =
      url !== null &&
      (url.protocol === "http:" || url.protocol === "https:") &&
      !url.username &&
      !url.password &&
      url.pathname === "/" &&
      !raw.includes("?") &&
      !raw.includes("#") &&
      // new URL() adds the "/" of an empty path; a path the operator typed is refused, not dropped.
      !/^[a-z]+:\/\/[^/]+\/./i.test(raw);
    if (!bare) {
      ctx.addIssue({
        code: "custom",
        message: "只填协议、主机和端口，如 http://10.20.0.5:8080 / The origin only: scheme, host and port, e.g. http://10.20.0.5:8080",
      });
      return z.NEVER;
    }
    return url!.origin;
  });

export const addPrivateOriginInput = z.object({
  origin: privateOriginValue,
  note: z.string().trim().min(2).max(200),
});

export const removePrivateOriginInput = z.object({ id: z.string().uuid() });

export const privateOriginOutput = z.object({
  id: z.string(),
  origin: z.string(),
  note: z.string(),
  /** The vendor account that added it; null for the demo's bootstrap. */
  addedBy: z.string().nullable(),
  createdAt: z.date(),
});

const select = { id: true, origin: true, note: true, createdAt: true, createdBy: { select: { name: true } } } as const;

function row({ createdBy, ...rest }: { id: string; origin: string; note: string; createdAt: Date; createdBy: { name: string } | null }) {
  return { ...rest, addedBy: createdBy?.name ?? null };
}

export async function listPrivateOrigins({ prisma }: PlatformScope) {
  return (await prisma.privateOrigin.findMany({ select, orderBy: { origin: "asc" } })).map(row);
}

export async function addPrivateOrigin(platform: PlatformScope, raw: z.input<typeof addPrivateOriginInput>) {
  const input = addPrivateOriginInput.parse(raw);
  try {
    return await platform.prisma.$transaction(async (tx) => {
      const added = await tx.privateOrigin.create({
        data: { origin: input.origin, note: input.note, createdById: platform.actor.kind === "vendor" ? platform.actor.id : null },
        select,
      });
      await audit(tx, {
        ...auditActor(platform.actor),
        action: "platform.privateOrigin.add",
        target: added.origin,
        detail: { note: added.note },
      });
      return row(added);
    });
  } catch (error) {
    throw fromUniqueViolation(error, { origin: { zh: "内网认证地址", en: "Private origin" } }, platform.locale) ?? error;
  }
}

export async function removePrivateOrigin(platform: PlatformScope, input: z.infer<typeof removePrivateOriginInput>) {
  return platform.prisma.$transaction(async (tx) => {
    const found = await tx.privateOrigin.findUnique({ where: { id: input.id }, select: { origin: true, note: true } });
    if (!found) throw new AppError("NOT_FOUND");
    await tx.privateOrigin.delete({ where: { id: input.id } });
    await audit(tx, {
      ...auditActor(platform.actor),
      action: "platform.privateOrigin.remove",
      target: found.origin,
      detail: { note: found.note },
    });
    return { ok: true as const };
  });
}

/**
 * The demo's simulators on the list (npm start, npm test, the integration tests): they are schools'
 * servers like any other, opened the way the operator opens one. Idempotent: a row already there
 * (the operator's own note on it) is kept as it is.
 */
export async function listDemoSimulators(prisma: Pick<PrismaClient, "privateOrigin">, urls: readonly string[]): Promise<void> {
  const origins = urls.map((url) => new URL(url).origin);
  for (const origin of origins) {
    await prisma.privateOrigin.upsert({ where: { origin }, create: { origin, note: DEMO_SIMULATOR_NOTE }, update: {} });
  }
}
