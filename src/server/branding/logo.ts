// The school's logo (PRODUCT "Tenants → branding"): uploaded by its IT office, kept in the database
// (SchoolLogo), drawn on every member page's title bar, on the poster and in the settings' preview.
// Each change is audited with what it replaced.
import { createHash } from "node:crypto";
import { audit } from "~/server/audit/audit";
import type { TenantTx } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";
import { auditActor, type TenantScope } from "~/server/scope";
import { logoTypeOf, MAX_LOGO_BYTES, type LogoType } from "./logo-image";

export type SchoolLogo = { image: Buffer; contentType: LogoType; sha256: string };

/** The logo as an audit row tells it: enough to tell two apart, never the image. */
async function describedLogo(db: TenantTx, tenantId: string) {
  const row = await db.schoolLogo.findUnique({ where: { tenantId }, select: { contentType: true, sha256: true, image: true } });
  return row ? { contentType: row.contentType, sha256: row.sha256, bytes: row.image.length } : null;
}

/** Stores `bytes` as the school's logo; LOGO_NOT_AN_IMAGE unless PNG or JPEG by content, PAYLOAD_TOO_LARGE past 512 KiB. */
export async function saveSchoolLogo(scope: TenantScope, input: { bytes: Uint8Array }): Promise<{ sha256: string }> {
  if (input.bytes.length > MAX_LOGO_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", { kib: MAX_LOGO_BYTES / 1024 });
  const contentType = logoTypeOf(input.bytes);
  if (!contentType) throw new AppError("LOGO_NOT_AN_IMAGE");
  const image = Buffer.from(input.bytes);
  const sha256 = createHash("sha256").update(image).digest("hex");
  return scope.db.$transaction(async (tx) => {
    const before = await describedLogo(tx, scope.tenant.id);
    const data = { image, contentType, sha256 };
    await tx.schoolLogo.upsert({ where: { tenantId: scope.tenant.id }, create: { tenantId: scope.tenant.id, ...data }, update: data });
    const after = { contentType, sha256, bytes: image.length };
    await audit(tx, { ...auditActor(scope.actor), action: "tenant.logo.updated", detail: { before, after } });
    return { sha256 };
  });
}

/** Removes the school's logo (the pages show the name alone again); nothing to do without one. */
export async function removeSchoolLogo(scope: TenantScope): Promise<void> {
  await scope.db.$transaction(async (tx) => {
    const before = await describedLogo(tx, scope.tenant.id);
    if (!before) return;
    await tx.schoolLogo.deleteMany({ where: { tenantId: scope.tenant.id } });
    await audit(tx, { ...auditActor(scope.actor), action: "tenant.logo.removed", detail: { before, after: null } });
  });
}

/** The school's logo as stored, or null without one. */
export async function schoolLogo(scope: TenantScope): Promise<SchoolLogo | null> {
  const row = await scope.db.schoolLogo.findUnique({
    where: { tenantId: scope.tenant.id },
    select: { image: true, contentType: true, sha256: true },
  });
  return row ? { image: Buffer.from(row.image), contentType: row.contentType as LogoType, sha256: row.sha256 } : null;
}
