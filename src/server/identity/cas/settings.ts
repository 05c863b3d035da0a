// The school's CAS as its IT office sets it: where the server is deployed and which version of
// the protocol it speaks (金智 IDS: 2.0 at /authserver; Apereo: 3.0 at /cas).
import { z } from "zod";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { privateOrigins } from "../outbound/private-origins";
import type { ProtocolSettings } from "../protocol";
import { checkedSchoolUrl, incomplete, optionalText } from "../settings-kit";

export const casSettingsShape = {
  casBaseUrl: optionalText(300),
  casVersion: z.enum(["CAS2", "CAS3"]).default("CAS3"),
};
export type CasInput = z.output<z.ZodObject<typeof casSettingsShape>>;

export const casSettingsFields: ProtocolSettings<CasInput> = {
  shape: casSettingsShape,
  fields: [
    { name: "casBaseUrl", label: "idp.casBaseUrl", hint: "idp.casBaseUrlHint" },
    {
      name: "casVersion",
      label: "idp.casVersion",
      options: [
        { value: "CAS2", label: "idp.casVersion.CAS2" },
        { value: "CAS3", label: "idp.casVersion.CAS3" },
      ],
    },
  ],
  columns(input, { inUse, locale, listed }) {
    const casBaseUrl = input.casBaseUrl === null ? null : checkedSchoolUrl(input.casBaseUrl, "cas", "idp.casBaseUrl", listed, locale);
    if (inUse && !casBaseUrl) throw incomplete("idp.casBaseUrl", locale);
    return { casBaseUrl, casVersion: input.casVersion };
  },
  audit: (input) => ({ casBaseUrl: input.casBaseUrl, casVersion: input.casVersion }),
};

/** What a login through the school's CAS needs, or SSO_NOT_CONFIGURED. */
export async function casServer({ db, tenant }: TenantScope) {
  const row = await db.identityProviderSettings.findUniqueOrThrow({
    where: { tenantId: tenant.id },
    select: { casBaseUrl: true, casVersion: true, accountAttribute: true },
  });
  if (!row.casBaseUrl) throw new AppError("SSO_NOT_CONFIGURED", { school: tenant.name });
  // Checked again at use: a row saved before the rules, or edited by hand, gets no power.
  return {
    base: checkedSchoolUrl(row.casBaseUrl, "cas", "idp.casBaseUrl", await privateOrigins()),
    version: row.casVersion,
    accountAttribute: row.accountAttribute,
  };
}
