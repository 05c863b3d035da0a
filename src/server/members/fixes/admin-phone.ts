// A phone an admin types on the member page, held to the school's rules as the member form holds it.
import { AppError } from "~/server/errors";
import type { TenantContext } from "~/server/tenants/tenant-context";
import { normalisePhone } from "../phone";

export function normaliseAdminPhone(typed: string, tenant: TenantContext): { e164: string; display: string } {
  const phone = normalisePhone(typed, { allowForeign: tenant.allowForeignPhones });
  if (!phone.ok) throw new AppError(phone.reason === "FOREIGN_NOT_ALLOWED" ? "PHONE_FOREIGN_NOT_ALLOWED" : "PHONE_INVALID");
  return { e164: phone.e164, display: phone.display };
}
