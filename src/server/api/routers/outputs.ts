// Output shapes shared by several routers, so a column never leaks by accident.
import { z } from "zod";

export const memberRowOutput = z.object({
  id: z.string(),
  account: z.string(),
  name: z.string(),
  department: z.string(),
  phoneDisplay: z.string().nullable(),
  email: z.string().nullable(),
  lockedUntil: z.date().nullable(),
  identityKind: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
});

/** A member row of the back office, with the member's WeCom state as WeCom last said it (and when, and how the product heard it). */
export const adminMemberRowOutput = memberRowOutput.extend({
  wecom: z.object({
    state: z.enum(["ACTIVATED", "DISABLED", "NOT_ACTIVATED", "LEFT", "UNSUBSCRIBED", "NOT_IN_WECOM", "OUT_OF_RANGE"]).nullable(),
    stateAt: z.date().nullable(),
    stateSource: z.enum(["SYNC", "CALLBACK", "POLL", "RECONCILE"]).nullable(),
    /** WeCom still holds another mobile than the product's. */
    phoneOutdated: z.boolean(),
  }),
});

export const tenantSummaryOutput = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  nameEn: z.string(),
  status: z.enum(["ACTIVE", "SUSPENDED"]),
  idpKind: z.enum(["BUILTIN", "CAS", "OIDC"]),
  createdAt: z.date(),
  _count: z.object({ members: z.number(), admins: z.number() }),
});

export const tenantAdminRowOutput = z.object({
  id: z.string(),
  tenantId: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(["ADMIN", "HELPDESK"]),
  disabled: z.boolean(),
  lockedUntil: z.date().nullable(),
});
