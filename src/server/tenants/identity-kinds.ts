// The school's identity kinds (在校师生, 考生 …): who may join and which apps each kind sees after
// 「关注成功」 (the /done page and the school's home list them). The IT office adds and edits them in
// 学校设置; a kind is known by its code (the roster's 身份类型 column and the sign-in's kind attribute
// name it), so the code is fixed once made, and a kind that members hold cannot be deleted (the
// database's relation refuses it too).
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { AppError, fromUniqueViolation } from "~/server/errors";
import { auditActor, type TenantScope } from "~/server/scope";

const text = (max: number) => z.string().trim().max(max);

/** Apps as the IT office types them: one per line, or separated by commas (Chinese or ASCII). */
export const appsInput = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[\n,，、;；]+/)).map((a) => a.trim()).filter(Boolean))
  .pipe(z.array(text(30).min(1)).max(20))
  .refine((apps) => new Set(apps).size === apps.length, { message: "each app once" });

export const identityKindInput = z.object({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_]{1,31}$/, "2–32 letters, digits or _, starting with a letter"),
  nameZh: text(50).min(1),
  nameEn: text(100).default(""),
  apps: appsInput,
});
export type IdentityKindInput = z.input<typeof identityKindInput>;

export const identityKindRowOutput = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  apps: z.array(z.string()),
  members: z.number(),
});

export async function listIdentityKinds({ db }: TenantScope): Promise<z.infer<typeof identityKindRowOutput>[]> {
  const kinds = await db.identityKind.findMany({
    select: { id: true, code: true, nameZh: true, nameEn: true, apps: true, _count: { select: { members: true } } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return kinds.map(({ _count, ...kind }) => ({ ...kind, members: _count.members }));
}

const kindSelect = { code: true, nameZh: true, nameEn: true, apps: true } as const;

/** Adds the kind, or edits the one of that code (its names and apps); audited with before and after. */
export async function saveIdentityKind(scope: TenantScope, raw: IdentityKindInput) {
  const input = identityKindInput.parse(raw);
  try {
    return await scope.db.$transaction(async (tx) => {
      const before = await tx.identityKind.findFirst({ where: { code: input.code }, select: kindSelect });
      const last = before ? null : await tx.identityKind.aggregate({ _max: { sortOrder: true } });
      const after = await tx.identityKind.upsert({
        where: { tenantId_code: { tenantId: scope.tenant.id, code: input.code } },
        create: { tenantId: scope.tenant.id, ...input, sortOrder: (last?._max.sortOrder ?? 0) + 1 },
        update: { nameZh: input.nameZh, nameEn: input.nameEn, apps: input.apps },
        select: kindSelect,
      });
      await audit(tx, {
        ...auditActor(scope.actor),
        action: before ? "tenant.identityKind.update" : "tenant.identityKind.create",
        target: input.code,
        detail: { before, after },
      });
      return after;
    });
  } catch (error) {
    throw fromUniqueViolation(error, { code: { zh: "代码", en: "Code" } }, scope.locale) ?? error;
  }
}

/** Deletes a kind nobody holds; one that members hold is refused with how many. */
export async function deleteIdentityKind(scope: TenantScope, input: { code: string }) {
  return scope.db.$transaction(async (tx) => {
    const kind = await tx.identityKind.findFirst({
      where: { code: input.code },
      select: { id: true, ...kindSelect, _count: { select: { members: true } } },
    });
    if (!kind) throw new AppError("NOT_FOUND");
    if (kind._count.members > 0) throw new AppError("IDENTITY_KIND_IN_USE", { count: kind._count.members });
    const remaining = await tx.identityKind.count();
    if (remaining <= 1) throw new AppError("IDENTITY_KIND_LAST");
    await tx.identityKind.delete({ where: { id: kind.id } });
    const before = { code: kind.code, nameZh: kind.nameZh, nameEn: kind.nameEn, apps: kind.apps };
    await audit(tx, { ...auditActor(scope.actor), action: "tenant.identityKind.delete", target: kind.code, detail: { before } });
    return { code: kind.code };
  });
}
