// The rules a new password must meet. The issues carry message keys
// (`password.rule.*`), so the page shows each broken rule in the reader's
// language beside the same list of rules it shows up front.
import { z } from "zod";

export const PASSWORD_RULES = ["password.rule.length", "password.rule.mix", "password.rule.different"] as const;

export const newPassword = z
  .string()
  .min(8, "password.rule.length")
  .max(64, "password.rule.length")
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), "password.rule.mix");

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword,
    confirmPassword: z.string().max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "password.rule.confirm" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "password.rule.different" });
