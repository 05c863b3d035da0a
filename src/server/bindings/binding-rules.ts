// The rules of binding a phone (SUES §1.2; the errors of SUES 2.1, 2.2 and UCAS 13), decided
// from the directory as it is. Run before a code is sent (nobody is sent a code for a phone
// that will be refused) and again inside the binding's transaction; the database's unique
// indexes (Member.phone, PhoneBinding.value) settle two requests that pass them at once.
import type { TenantTx } from "~/server/db/tenant-db";
import { AppError } from "~/server/errors";
import { followsInWecom } from "~/server/journey/journey-step";
import type { BindingTarget } from "./binding-target";

/** Reads only: a tenant-bound client or one of its transactions. */
type Reader = Pick<TenantTx, "member">;

export const bindingMemberSelect = {
  id: true,
  account: true,
  phone: true,
  email: true,
  idNumberHash: true,
  binding: { select: { channel: true, value: true } },
  wecom: { select: { state: true, rejoinConsentAt: true } },
} as const;

/** Who else holds the value, and what the product knows of them (the helpdesk's findings). */
export type Holder = {
  account: string;
  /** The holder bound it in the journey (not just a directory entry). */
  bound: boolean;
  /** The holder is the same person (the same ID number): the member's own old account (UCAS 12/13). */
  samePerson: boolean;
  wecomState: string | null;
};

export type BindingVerdict = {
  /** The directory already holds this value for the member: no code is needed to confirm it. */
  heldByMember: boolean;
  /** Why the member may not bind it, as the manuals say it; null: they may. */
  refusal: Refusal | null;
  /** Who else holds the value (for the helpdesk's findings; never shown to the member). */
  holder: Holder | null;
};

export type Refusal = "ACCOUNT_BOUND_TO_OTHER_PHONE" | "PHONE_BOUND_TO_OTHER_ACCOUNT" | "PHONE_ALREADY_EXISTS" | "EMAIL_ALREADY_EXISTS";

/** The value the member holds in the directory for the target's channel. */
export function currentValue(member: { phone: string | null; email: string | null }, channel: BindingTarget["channel"]): string | null {
  return channel === "PHONE" ? member.phone : (member.email?.toLowerCase() ?? null);
}

/**
 * Whether `memberId` may bind `target`, and if not, the manuals' error: 「账号已被其他手机号绑定」
 * when the member already follows in WeCom with another phone, 「手机号已绑定其他账号」 when
 * another member bound this phone, 「手机号码已存在」 when it is on another directory entry
 * (someone else's, or the member's own old account) that only an admin can move. `changing`:
 * a signed-in member's 更换手机号, which a follow does not stop.
 */
export async function judgeBinding(
  db: Reader,
  memberId: string,
  target: BindingTarget,
  options: { changing?: boolean } = {},
): Promise<BindingVerdict> {
  const member = await db.member.findUnique({ where: { id: memberId }, select: bindingMemberSelect });
  if (!member) throw new AppError("UNAUTHENTICATED");
  const heldByMember = currentValue(member, target.channel) === target.value;
  // SUES 2.2: followed with another phone; WeCom keeps one WeChat per member, so it must be released first.
  // A follow being released (解绑微信, its job not run yet) no longer counts. 更换手机号 (change-phone.ts)
  // is the one way a followed member takes another phone: the follow stays with the old WeChat.
  if (!options.changing && followsInWecom(member.wecom ?? null) && !heldByMember)
    return { heldByMember, refusal: "ACCOUNT_BOUND_TO_OTHER_PHONE", holder: null };
  const other = await db.member.findFirst({
    where: {
      id: { not: memberId },
      ...(target.channel === "PHONE" ? { phone: target.value } : { email: { equals: target.value, mode: "insensitive" } }),
    },
    select: { account: true, idNumberHash: true, binding: { select: { value: true } }, wecom: { select: { state: true } } },
  });
  if (!other) return { heldByMember, refusal: null, holder: null };
  const holder: Holder = {
    account: other.account,
    bound: other.binding?.value === target.value,
    samePerson: !!other.idNumberHash && other.idNumberHash === member.idNumberHash,
    wecomState: other.wecom?.state ?? null,
  };
  if (target.channel === "EMAIL") return { heldByMember, refusal: "EMAIL_ALREADY_EXISTS", holder };
  // SUES 2.1: someone else bound it for their own follow; they, not an admin, must change it.
  if (holder.bound && !holder.samePerson) return { heldByMember, refusal: "PHONE_BOUND_TO_OTHER_ACCOUNT", holder };
  // UCAS 13: on a directory entry (someone registered it, or the member's old account kept it).
  return { heldByMember, refusal: "PHONE_ALREADY_EXISTS", holder };
}

/** The verdict's refusal as the error the member is shown. */
export function refuseIfNeeded(verdict: BindingVerdict): void {
  if (verdict.refusal) throw new AppError(verdict.refusal);
}
