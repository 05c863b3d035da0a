// 「手机号码已存在」(UCAS FAQ 13): the phone is on another directory entry, someone's or the
// member's own old account (「学生之前学号注册时绑定的，未解绑」). The manual's fix: find the phone,
// check, remove it from the old account, save, and put it on the new one. Here both accounts are
// shown on the confirmation (phoneHolder), and the move is one transaction with an audit row on
// each account. WeCom follows through the durable sync: the old account's job frees the mobile
// first (the new account's job waits on 60104 while the number moves, sync.ts). An old account
// that activated WeCom keeps its mobile there whatever the API is told (reference §7.5), so the
// move takes it out of WeCom, and only with the admin's explicit consent.
import { z } from "zod";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { startFollowWatch } from "~/server/wecom/status-jobs";
import { enqueueWecomSync } from "~/server/wecom/sync";
import { normaliseAdminPhone } from "./admin-phone";
import { auditFix, contactOf, fixMemberSelect, memberForFix, recordRejoinConsent } from "./fix-member";

export const movePhoneInput = z.object({
  memberId: z.string().uuid(),
  phone: z.string().trim().min(1).max(24),
  /** The admin agrees that an account which activated WeCom is removed from it (and re-created) for the move. */
  confirmWecomRejoin: z.boolean().default(false),
});

export const phoneHolderInput = movePhoneInput.pick({ memberId: true, phone: true });

/** Both sides of a move, for the confirmation: who has the phone now, and who gets it. */
export const phoneHolderOutput = z.object({
  phoneDisplay: z.string(),
  from: z.object({ id: z.string(), account: z.string(), name: z.string(), bound: z.boolean(), wecomState: z.string().nullable() }),
  to: z.object({
    id: z.string(),
    account: z.string(),
    name: z.string(),
    phoneDisplay: z.string().nullable(),
    wecomState: z.string().nullable(),
  }),
  /** Either account activated WeCom: the move needs the rejoin consent. */
  needsRejoinConsent: z.boolean(),
});

const sideSelect = { ...fixMemberSelect, name: true } as const;

export async function phoneHolder(scope: TenantScope, input: z.input<typeof phoneHolderInput>) {
  const asked = phoneHolderInput.parse(input);
  const phone = normaliseAdminPhone(asked.phone, scope.tenant);
  const to = await scope.db.member.findUnique({ where: { id: asked.memberId }, select: sideSelect });
  if (!to) throw new AppError("NOT_FOUND");
  if (to.phone === phone.e164) throw new AppError("FIX_PHONE_IS_THIS_MEMBERS");
  const from = await scope.db.member.findFirst({ where: { phone: phone.e164 }, select: sideSelect });
  if (!from) throw new AppError("FIX_PHONE_NOT_HELD");
  return {
    phoneDisplay: phone.display,
    from: {
      id: from.id,
      account: from.account,
      name: from.name,
      bound: from.binding?.value === phone.e164,
      wecomState: from.wecom?.state ?? null,
    },
    to: { id: to.id, account: to.account, name: to.name, phoneDisplay: to.phoneDisplay, wecomState: to.wecom?.state ?? null },
    needsRejoinConsent: from.wecom?.state === "ACTIVATED" || to.wecom?.state === "ACTIVATED",
  };
}

export async function movePhoneHere(scope: TenantScope, input: z.input<typeof movePhoneInput>) {
  const asked = movePhoneInput.parse(input);
  const phone = normaliseAdminPhone(asked.phone, scope.tenant);
  return scope.db.$transaction(async (tx) => {
    const to = await memberForFix(tx, asked.memberId);
    if (to.phone === phone.e164) throw new AppError("FIX_PHONE_IS_THIS_MEMBERS");
    const found = await tx.member.findFirst({ where: { phone: phone.e164 }, select: { id: true } });
    if (!found) throw new AppError("FIX_PHONE_NOT_HELD");
    const from = await memberForFix(tx, found.id);
    if (from.wecom?.state === "ACTIVATED" && !asked.confirmWecomRejoin)
      throw new AppError("FIX_MOVE_HOLDER_ACTIVATED", { account: from.account });
    if (to.wecom?.state === "ACTIVATED" && !asked.confirmWecomRejoin) throw new AppError("WECOM_REJOIN_CONSENT_REQUIRED");
    for (const side of [from, to]) if (side.wecom?.state === "ACTIVATED") await recordRejoinConsent(tx, scope, side.id);

    // Out of the old account first: the unique index on the phone sees one holder at a time.
    await tx.member.update({ where: { id: from.id }, data: { phone: null, phoneDisplay: null } });
    const fromBindingGone = from.binding?.value === phone.e164;
    // The old account's binding of the phone goes with it (and any stale one, as bind-phone.ts clears them).
    await tx.phoneBinding.deleteMany({ where: { value: phone.e164, memberId: { not: to.id } } });
    await tx.member.update({ where: { id: to.id }, data: { phone: phone.e164, phoneDisplay: phone.display } });
    if (to.binding?.channel === "PHONE")
      await tx.phoneBinding.update({
        where: { memberId: to.id },
        data: { value: phone.e164, confirmedBy: "DIRECTORY", boundAt: new Date() },
      });

    const moved = { phone: phone.display, from: from.account, to: to.account };
    await auditFix(tx, scope, {
      action: "member.fix.phone_moved_out",
      account: from.account,
      before: contactOf(from),
      after: contactOf({ phoneDisplay: null, email: from.email, binding: fromBindingGone ? null : from.binding }),
      extra: { moved },
    });
    await auditFix(tx, scope, {
      action: "member.fix.phone_moved_in",
      account: to.account,
      before: contactOf(to),
      after: contactOf({
        phoneDisplay: phone.display,
        email: to.email,
        binding: to.binding?.channel === "PHONE" ? { value: phone.e164 } : to.binding,
      }),
      extra: { moved },
    });
    // The old account's job first: it frees the mobile in WeCom for the new one.
    for (const side of [from, to])
      await enqueueWecomSync(scope.jobs, tx, { kind: "member.upsert", tenantId: scope.tenant.id, memberId: side.id });
    await startFollowWatch(scope.jobs, tx, { tenantId: scope.tenant.id, memberId: to.id });
    return { account: to.account, wecomJobQueued: true };
  });
}
