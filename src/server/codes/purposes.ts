// What a code confirms, and which channels may carry it.
import type { CodeChannel as DbCodeChannel, CodePurpose as DbCodePurpose } from "~/generated/prisma/client";
import type { Bilingual } from "~/i18n/locale";
import type { CodeChannel } from "./destination";

export const CODE_PURPOSES = ["BIND_PHONE", "BIND_EMAIL", "CHANGE_PHONE", "RESET_PASSWORD", "ACTIVATE_PHONE", "ACTIVATE_EMAIL"] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];

// The lists above and the database's enums must name the same values.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _purposesMatch: Same<CodePurpose, DbCodePurpose> = true;
const _channelsMatch: Same<CodeChannel, DbCodeChannel> = true;
void _purposesMatch;
void _channelsMatch;

/** A phone is confirmed by SMS and an address by e-mail; a forgotten password may be reset through either. */
export const PURPOSE_CHANNELS: Record<CodePurpose, readonly CodeChannel[]> = {
  BIND_PHONE: ["SMS"],
  BIND_EMAIL: ["EMAIL"],
  CHANGE_PHONE: ["SMS"],
  RESET_PASSWORD: ["SMS", "EMAIL"],
  ACTIVATE_PHONE: ["SMS"],
  ACTIVATE_EMAIL: ["EMAIL"],
};

/** What the member is doing, as the message names it ("您正在绑定手机号" / "to bind your phone"). */
export const PURPOSE_LABELS: Record<CodePurpose, Bilingual> = {
  BIND_PHONE: { zh: "绑定手机号", en: "bind your phone" },
  BIND_EMAIL: { zh: "绑定邮箱", en: "bind your e-mail address" },
  CHANGE_PHONE: { zh: "更换手机号", en: "change your phone" },
  RESET_PASSWORD: { zh: "找回密码", en: "reset your password" },
  ACTIVATE_PHONE: { zh: "激活账号（验证手机号）", en: "activate your account (confirm your phone)" },
  ACTIVATE_EMAIL: { zh: "激活账号（验证邮箱）", en: "activate your account (confirm your e-mail)" },
};
