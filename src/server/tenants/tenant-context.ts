// What every tenant page, procedure and domain function may read of its school.
/** What every tenant page and procedure may read of its tenant. */
export const tenantContextSelect = {
  id: true,
  slug: true,
  name: true,
  nameEn: true,
  primaryColor: true,
  accentColor: true,
  logoUrl: true,
  status: true,
  idpKind: true,
  lockoutMaxAttempts: true,
  lockoutMinutes: true,
  assistantAppName: true,
  allowForeignPhones: true,
} as const;

export type TenantContext = {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
  status: "ACTIVE" | "SUSPENDED";
  idpKind: "BUILTIN" | "CAS" | "OIDC";
  lockoutMaxAttempts: number;
  lockoutMinutes: number;
  assistantAppName: string;
  allowForeignPhones: boolean;
};
