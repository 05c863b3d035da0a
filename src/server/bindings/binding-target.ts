// What a member typed on the bind page, as the binding stores it: a phone (mainland 11 digits,
// or "00" + country code, UCAS FAQ 9) in E.164 and shown back as typed, or, where the school
// allows it (UCAS step 3: 「微信绑定的手机号或邮箱」), an e-mail address in lower case.
import { z } from "zod";
import { AppError } from "~/server/errors";
import { normalisePhone } from "~/server/members/phone";

export type BindingTarget =
  { channel: "PHONE"; value: string; display: string; foreign: boolean } | { channel: "EMAIL"; value: string; display: string };

const email = z.string().max(254).pipe(z.email());

/** The typed text as a phone or an address; refuses what the school does not take, with what to type instead. */
export function bindingTarget(typed: string, policy: { allowForeign: boolean; allowEmail: boolean }): BindingTarget {
  const text = typed.normalize("NFKC").trim();
  if (text.includes("@")) {
    if (!policy.allowEmail) throw new AppError("EMAIL_BINDING_NOT_ALLOWED");
    const parsed = email.safeParse(text.toLowerCase());
    if (!parsed.success) throw new AppError("EMAIL_INVALID");
    return { channel: "EMAIL", value: parsed.data, display: parsed.data };
  }
  const phone = normalisePhone(text, { allowForeign: policy.allowForeign });
  if (!phone.ok) throw new AppError(phone.reason === "FOREIGN_NOT_ALLOWED" ? "PHONE_FOREIGN_NOT_ALLOWED" : "PHONE_INVALID");
  return { channel: "PHONE", value: phone.e164, display: phone.display, foreign: phone.foreign };
}
