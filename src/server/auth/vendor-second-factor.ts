// The vendor console's second factor: a TOTP authenticator, enrolled after the
// first sign-in with the password and asked for at every sign-in after that.
//
// Between showing the QR code and the confirming code, the new secret travels
// in the enrolment form as a sealed ticket: the secret, the vendor's id and an
// expiry, encrypted and authenticated (AES-256-GCM) under APP_ENCRYPTION_KEY.
// The client cannot read another secret into it or move it to another account,
// it works on any app instance, and it needs no table. (A cookie would do the
// same but cannot be set while a server component renders; a secret derived
// from the session would stay the same after a reset.) The page shows the
// secret anyway, so carrying it in the page reveals nothing new.
import QRCode from "qrcode";
import { z } from "zod";
import type { PrismaClient } from "~/generated/prisma/client";
import { audit } from "~/server/audit/audit";
import { encryptionKey } from "~/server/crypto/keys";
import { decryptSecret, encryptSecret, sealContext } from "~/server/crypto/secrets";
import { AppError } from "~/server/errors";
import type { PlatformScope } from "~/server/scope";
import { enforceRateLimit } from "~/server/security/rate-limit";
import { newTotpSecret, totpSecretContext, totpStepOf, totpUri } from "./totp";

/** The name authenticator apps list the account under. */
const ISSUER = "Campus WeCom console";
const TICKET_MINUTES = 15;
/** Wrong codes while enrolling or resetting, per vendor. */
const ENROLMENT_ATTEMPTS = { limit: 10, windowSeconds: 15 * 60 };

export type VendorFactor = { id: string; totpSecretEnc: string | null; totpLastStep: number | null };

/**
 * Whether the code is the vendor's current one, accepting it at most once: the
 * step moves forward in one UPDATE that matches only a later step (and the
 * secret the code was checked against), so a code replayed, or sent twice at
 * once, is refused.
 */
export async function consumeVendorCode(
  prisma: Pick<PrismaClient, "$executeRaw">,
  vendor: VendorFactor,
  code: string | undefined,
): Promise<boolean> {
  if (!vendor.totpSecretEnc) return false;
  const step = totpStepOf(decryptSecret(vendor.totpSecretEnc, encryptionKey(), totpSecretContext(vendor.id)), code);
  if (step === null || (vendor.totpLastStep !== null && step <= vendor.totpLastStep)) return false;
  const updated = await prisma.$executeRaw`
    UPDATE "VendorAdmin" SET "totpLastStep" = ${step}
     WHERE id = ${vendor.id}::uuid AND "totpSecretEnc" = ${vendor.totpSecretEnc}
       AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
  return updated === 1;
}

/** An enrolment ticket is sealed to the vendor it was made for. */
const ticketContext = (vendorId: string) => sealContext("VendorAdmin", "enrolmentTicket", vendorId);

const ticketSchema = z.object({ vendorId: z.string().uuid(), secret: z.string().min(16), expiresAt: z.number() });

function sealTicket(vendorId: string, secret: string): string {
  return encryptSecret(
    JSON.stringify({ vendorId, secret, expiresAt: Date.now() + TICKET_MINUTES * 60_000 }),
    encryptionKey(),
    ticketContext(vendorId),
  );
}

/** The new secret of a ticket made for this vendor and not yet expired. */
function openTicket(sealed: string, vendorId: string): string {
  let ticket: z.infer<typeof ticketSchema>;
  try {
    ticket = ticketSchema.parse(JSON.parse(decryptSecret(sealed, encryptionKey(), ticketContext(vendorId))));
  } catch {
    throw new AppError("SECOND_FACTOR_ENROLMENT_EXPIRED");
  }
  if (ticket.vendorId !== vendorId || ticket.expiresAt < Date.now()) throw new AppError("SECOND_FACTOR_ENROLMENT_EXPIRED");
  return ticket.secret;
}

export const enrolmentOfferOutput = z.object({
  /** True when a factor is set up already: confirming then also needs its current code (a reset). */
  enrolled: z.boolean(),
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
  ticket: z.string(),
});
export type EnrolmentOffer = z.infer<typeof enrolmentOfferOutput>;

/** A new secret to scan: QR code (SVG made here, no remote service), the secret in base32, and its ticket. */
export async function offerVendorEnrolment(vendor: { id: string; username: string; secondFactor: boolean }): Promise<EnrolmentOffer> {
  const secret = newTotpSecret();
  const otpauthUri = totpUri(secret, ISSUER, vendor.username);
  const qrSvg = await QRCode.toString(otpauthUri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { enrolled: vendor.secondFactor, secret, otpauthUri, qrSvg, ticket: sealTicket(vendor.id, secret) };
}

const code = z.string().trim().max(16);
export const confirmEnrolmentInput = z.object({
  ticket: z.string().min(1).max(2000),
  code,
  /** The code of the factor being replaced; required when one is set up. */
  currentCode: code.optional(),
});

/**
 * Stores the ticket's secret once a code of it is right (and, for a reset, a
 * code of the current factor too). Ends every session of the vendor, so the
 * next one is made with password and code: a session opened with the password
 * alone before enrolment never becomes a full one.
 */
export async function confirmVendorEnrolment(
  { prisma, actor }: PlatformScope,
  input: z.infer<typeof confirmEnrolmentInput>,
): Promise<void> {
  if (actor.kind !== "vendor") throw new AppError("UNAUTHENTICATED");
  const by = { vendorId: actor.id, ip: actor.ip };
  await enforceRateLimit(prisma, { key: `vendor-2fa:${by.vendorId}`, ...ENROLMENT_ATTEMPTS });
  const secret = openTicket(input.ticket, by.vendorId);
  const vendor = await prisma.vendorAdmin.findUniqueOrThrow({
    where: { id: by.vendorId },
    select: { id: true, totpSecretEnc: true, totpLastStep: true },
  });
  if (vendor.totpSecretEnc && !(await consumeVendorCode(prisma, vendor, input.currentCode))) throw new AppError("SECOND_FACTOR_CODE_WRONG");
  const step = totpStepOf(secret, input.code);
  if (step === null) throw new AppError("SECOND_FACTOR_CODE_WRONG");
  await prisma.$transaction(async (tx) => {
    // Only over the factor checked above: a concurrent enrolment or reset wins, this one is refused.
    const { count } = await tx.vendorAdmin.updateMany({
      where: { id: vendor.id, totpSecretEnc: vendor.totpSecretEnc },
      data: {
        totpSecretEnc: encryptSecret(secret, encryptionKey(), totpSecretContext(vendor.id)),
        totpLastStep: step,
        sessionVersion: { increment: 1 },
      },
    });
    if (count !== 1) throw new AppError("SECOND_FACTOR_ENROLMENT_EXPIRED");
    await audit(tx, {
      actorKind: "vendor",
      actorId: vendor.id,
      action: vendor.totpSecretEnc ? "vendor.totp.reset" : "vendor.totp.enrol",
      ip: by.ip,
    });
  });
}
