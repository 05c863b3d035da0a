// A school's QR links, as its pages use them: the link of this school's registration QR, and
// what a scanned link says when it is opened here (this school's, another school's — named,
// so the member can go there — or not one of ours).
import { z } from "zod";
import { encryptionKey } from "~/server/crypto/keys";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { QR_PURPOSES, readQrToken, signQrToken, type QrPurpose } from "./registration-link";

const purposes = Object.keys(QR_PURPOSES) as [QrPurpose, ...QrPurpose[]];

export const qrLinkInput = z.object({ purpose: z.enum(purposes).default("register") });
export const qrLinkOutput = z.object({ path: z.string() });

/** The path (with its signed token) this school's QR code for `purpose` encodes; the caller adds the origin. */
export function qrLink(scope: TenantScope, input: z.infer<typeof qrLinkInput>): z.infer<typeof qrLinkOutput> {
  const token = signQrToken(encryptionKey(), scope.tenant.id, input.purpose);
  return { path: `${QR_PURPOSES[input.purpose].path}?q=${token}` };
}

export const qrTokenInput = z.object({ token: z.string().max(100) });

export const qrTokenCheckOutput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("thisSchool") }),
  /** Another school's QR code (UCAS FAQ 4(3)): where it belongs, and its path there. */
  z.object({ kind: z.literal("otherSchool"), slug: z.string(), name: z.string(), nameEn: z.string(), path: z.string() }),
  z.object({ kind: z.literal("invalid") }),
]);

/**
 * Reads a scanned link's token on this school's host. Another school is named only for a
 * token the platform signed for it (so only what its own printed QR code already says is
 * told), and only while that school is open.
 */
export async function checkQrToken(scope: TenantScope, input: z.infer<typeof qrTokenInput>): Promise<z.infer<typeof qrTokenCheckOutput>> {
  const read = readQrToken(encryptionKey(), input.token);
  if (read.kind === "invalid") return { kind: "invalid" };
  if (read.tenantId === scope.tenant.id) return { kind: "thisSchool" };
  // Another school's row, read by id from a token we signed: the one look outside this school's data.
  const other = await unscopedClient(scope).tenant.findUnique({
    where: { id: read.tenantId },
    select: { slug: true, name: true, nameEn: true, status: true },
  });
  if (!other || other.status !== "ACTIVE") return { kind: "invalid" };
  return {
    kind: "otherSchool",
    slug: other.slug,
    name: other.name,
    nameEn: other.nameEn,
    path: `${QR_PURPOSES[read.purpose].path}?q=${input.token}`,
  };
}
