// Which phones a school's members may bind: foreign numbers typed with the "00" prefix (UCAS
// FAQ 9), off by default and then only from the countries and regions the school lists (every
// code sent abroad costs several times a mainland one, and premium foreign ranges are what SMS
// pumping sends to), whether the bound phone must be the one the member's WeChat is bound to,
// whether an e-mail address may stand in for a phone (UCAS step 3), and whether a phone the
// directory did not hold for the member is confirmed by a code first (on by default).
import { z } from "zod";
import { audit } from "~/server/audit/audit";
import { AppError } from "~/server/errors";
import { auditActor, type TenantScope } from "~/server/scope";

/** Hong Kong, Macao and Taiwan: the foreign numbers most Chinese universities' members have, preset when a school turns foreign numbers on. */
export const PRESET_COUNTRY_CODES = ["852", "853", "886"] as const;

/** A country calling code as ITU-T E.164 assigns them: 1–3 digits, never 0 first; +86 is the mainland, always taken. */
const countryCode = z
  .string()
  .trim()
  .transform((code) => code.replace(/^(\+|00)/, ""))
  .pipe(
    z
      .string()
      .regex(/^[1-9]\d{0,2}$/, "a country calling code such as 852")
      .refine((code) => code !== "86", "mainland numbers are always accepted"),
  );

/** The later settings are optional: a form (or a caller) that does not know them leaves them as they are. */
export const phonePolicyInput = z.object({
  allowForeign: z.boolean(),
  requireWechatMatch: z.boolean(),
  allowEmail: z.boolean().optional(),
  confirmNewByCode: z.boolean().optional(),
  /** The countries and regions whose numbers are accepted when foreign numbers are on ("852", "+853" or "00886"). */
  allowedCountryCodes: z
    .array(countryCode)
    .max(50)
    .transform((codes) => [...new Set(codes)].sort())
    .optional(),
});

export const phonePolicySelect = {
  allowForeign: true,
  requireWechatMatch: true,
  allowEmail: true,
  confirmNewByCode: true,
  allowedCountryCodes: true,
} as const;

export const phonePolicyOutput = z.object({
  allowForeign: z.boolean(),
  requireWechatMatch: z.boolean(),
  allowEmail: z.boolean(),
  confirmNewByCode: z.boolean(),
  allowedCountryCodes: z.array(z.string()),
});

export function phonePolicy({ db, tenant }: TenantScope) {
  return db.phonePolicy.findUniqueOrThrow({ where: { tenantId: tenant.id }, select: phonePolicySelect });
}

export async function updatePhonePolicy(scope: TenantScope, rawInput: z.input<typeof phonePolicyInput>) {
  const input = phonePolicyInput.parse(rawInput);
  return scope.db.$transaction(async (tx) => {
    const before = await tx.phonePolicy.findUniqueOrThrow({ where: { tenantId: scope.tenant.id }, select: phonePolicySelect });
    const codes = input.allowedCountryCodes ?? before.allowedCountryCodes;
    // Turned on with no list: the preset, so "on" never means "every country in the world".
    const allowedCountryCodes = input.allowForeign && codes.length === 0 ? [...PRESET_COUNTRY_CODES] : codes;
    const policy = await tx.phonePolicy.update({
      where: { tenantId: scope.tenant.id },
      data: { ...input, allowedCountryCodes },
      select: phonePolicySelect,
    });
    await audit(tx, { ...auditActor(scope.actor), action: "tenant.phonePolicy.update", detail: policy });
    return policy;
  });
}

/** Whether a number of this country calling code may be bound under the policy. */
export function countryAllowed(policy: { allowForeign: boolean; allowedCountryCodes: readonly string[] }, code: string): boolean {
  return code === "86" || (policy.allowForeign && policy.allowedCountryCodes.includes(code));
}

/**
 * Refuses a number of a country or region the school does not take: foreign numbers off
 * altogether, or outside its list. Checked where a number is chosen (the bind page) and again
 * where a code is sent to it (issueCode), so no future caller can send SMS abroad unchecked.
 */
export function refuseCountryIfNeeded(policy: { allowForeign: boolean; allowedCountryCodes: readonly string[] }, code: string): void {
  if (countryAllowed(policy, code)) return;
  if (!policy.allowForeign) throw new AppError("PHONE_FOREIGN_NOT_ALLOWED");
  throw new AppError("PHONE_COUNTRY_NOT_ALLOWED", { codes: policy.allowedCountryCodes.map((c) => `+${c}`).join("、") });
}
