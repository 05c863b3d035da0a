// What the 二次验证 page learnt from WeCom's code, carried by the page's form to the button's post.
// WeCom's code is single use and lives 5 minutes (reference §3.3): the page redeems it once, to
// show whose verification it is, so the post must not redeem it again. The ticket is sealed
// (AES-256-GCM under the app's key, crypto/secrets.ts) with the school and the member who opened
// the page as its authenticated data: another member's post, or another school's, cannot open it.
// It lasts what WeCom's tfa_code lasts (5 minutes from the redemption), after which WeCom would
// refuse the tfa_code anyway.
import { z } from "zod";
import { decryptSecret, encryptSecret, sealContext } from "~/server/crypto/secrets";
import { AppError } from "~/server/errors";

/** WeCom's tfa_code lives 5 minutes from get_tfa_info (reference §3.3 B); authsucc's ticket is held to the same. */
export const SECOND_VERIFICATION_TICKET_TTL_MS = 5 * 60 * 1000;

const ticketBody = z.object({
  api: z.enum(["tfa", "authsucc"]),
  userid: z.string().min(1),
  tfaCode: z.string().min(1).optional(),
  expiresAt: z.number().int(),
});
export type SecondVerificationTicket = Omit<z.infer<typeof ticketBody>, "expiresAt">;

type Holder = { tenantId: string; memberId: string };

const contextOf = (holder: Holder) => sealContext("SecondVerification", "ticket", `${holder.tenantId}/${holder.memberId}`);

export function sealTicket(key: Buffer, holder: Holder, ticket: SecondVerificationTicket, now = Date.now()): string {
  return encryptSecret(JSON.stringify({ ...ticket, expiresAt: now + SECOND_VERIFICATION_TICKET_TTL_MS }), key, contextOf(holder));
}

/** The ticket, when it was sealed for this member of this school and is still good; otherwise the page must be opened again. */
export function openTicket(key: Buffer, holder: Holder, sealed: string, now = Date.now()): SecondVerificationTicket {
  let body: z.infer<typeof ticketBody>;
  try {
    body = ticketBody.parse(JSON.parse(decryptSecret(sealed, key, contextOf(holder))));
  } catch {
    throw new AppError("SECOND_VERIFICATION_EXPIRED");
  }
  if (body.expiresAt <= now) throw new AppError("SECOND_VERIFICATION_EXPIRED");
  return { api: body.api, userid: body.userid, ...(body.tfaCode ? { tfaCode: body.tfaCode } : {}) };
}
