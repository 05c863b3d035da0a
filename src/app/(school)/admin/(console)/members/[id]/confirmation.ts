// The confirmation a fix asks for (?fix=…&phone=…): what will change, in the admin's words. A move
// names both accounts as the directory has them now; a fix that cannot apply is answered here, before
// anything is posted, with the catalogue's refusal (it says what to do instead).
import type { Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import { toAppError } from "~/server/errors";
import type { serverApi } from "~/server/request";
import type { Confirmation, FixKey } from "./fixes";
import type { MemberRecord } from "./record";

type Api = Awaited<ReturnType<typeof serverApi>>;

const wecomName = (t: Translate, state: string | null) => t(`admin.wecom.${(state ?? "NONE") as "NONE"}`);

export async function confirmationFor(
  fix: FixKey,
  typedPhone: string,
  record: MemberRecord,
  ctx: { api: Api; t: Translate; locale: Locale },
): Promise<Confirmation> {
  const { api, t } = ctx;
  const m = record.member;
  const who = { account: m.account, name: m.name };
  const activated = m.wecom.state === "ACTIVATED";
  if (fix === "movePhone") {
    try {
      const both = await api.admin.member.phoneHolder({ memberId: m.id, phone: typedPhone });
      return {
        fix,
        phone: typedPhone,
        needsRejoinConsent: both.needsRejoinConsent,
        lines: [
          t("member.confirm.movePhone", { phone: both.phoneDisplay }),
          `${t("member.confirm.from", { account: both.from.account, name: both.from.name })} · ${t("member.confirm.wecomState", { state: wecomName(t, both.from.wecomState) })}`,
          ...(both.from.bound ? [t("member.confirm.fromBound")] : []),
          `${t("member.confirm.to", { ...who, phone: both.to.phoneDisplay ?? t("member.none") })} · ${t("member.confirm.wecomState", { state: wecomName(t, both.to.wecomState) })}`,
        ],
      };
    } catch (error) {
      return { fix, refusal: toAppError(error).messageIn(ctx.locale) };
    }
  }
  const lines: Record<Exclude<FixKey, "movePhone">, string> = {
    savePhone: t("member.confirm.savePhone", { ...who, phone: typedPhone }),
    clearContacts: t("member.confirm.clearContacts", who),
    unlock: t("member.confirm.unlock", who),
    resendInvite: t("member.confirm.resendInvite", who),
    resync: t("member.confirm.resync", who),
  };
  return { fix, phone: typedPhone, lines: [lines[fix]], needsRejoinConsent: fix === "savePhone" && activated };
}
