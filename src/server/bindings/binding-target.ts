// What a member typed on the bind page, as the binding stores it: a phone (mainland 11 digits,
// or "00" + country code, UCAS FAQ 9) in E.164 and shown back as typed, or, where the school
// allows it (UCAS step 3: 「微信绑定的手机号或邮箱」), an e-mail address in lower case.
import { z } from "zod";
import { AppError } from "~/server/errors";
import { refuseCountryIfNeeded } from "~/server/members/phone-policy";
import { countryCallingCode, normalisePhone } from "~/server/members/phone";

export type BindingTarget =
  | { channel: "PHONE"; value: string; display: string; foreign: boolean; countryCode: string }
  | { channel: "EMAIL"; value: string; display: string };

const email = z.string().max(254).pipe(z.email());

/**
 * The typed text as a phone or an address; refuses what is malformed or what the school never
 * takes (an address where it wants a phone), with what to type instead. Whether a foreign number
 * is accepted is `refuseForeignIfNeeded`'s: the member's own directory phone is kept whatever it is.
 */
export function bindingTarget(typed: string, policy: { allowEmail: boolean }): BindingTarget {
  const text = typed.normalize("NFKC").trim();
  if (text.includes("@")) {
    if (!policy.allowEmail) throw new AppError("EMAIL_BINDING_NOT_ALLOWED");
    const parsed = email.safeParse(text.toLowerCase());
    if (!parsed.success) throw new AppError("EMAIL_INVALID");
    return { channel: "EMAIL", value: parsed.data, display: parsed.data };
  }
  const phone = normalisePhone(text, { allowForeign: true });
  if (!phone.ok) throw new AppError("PHONE_INVALID");
  return {
    channel: "PHONE",
    value: phone.e164,
    display: phone.display,
    foreign: phone.foreign,
    countryCode: countryCallingCode(phone.e164),
  };
}

/** A foreign number the school does not take: off altogether, or outside its list of countries and regions. */
export function refuseForeignIfNeeded(
  target: BindingTarget,
  policy: { allowForeign: boolean; allowedCountryCodes: readonly string[] },
): void {
  if (target.channel === "PHONE") refuseCountryIfNeeded(policy, target.countryCode);
}
