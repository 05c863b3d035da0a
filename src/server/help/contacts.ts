// Whom a member reaches when the product cannot help: the school's office, its phone, e-mail and
// hours (IMUT 6576286, UESTC 028-61831184), shown on every error page beside the help pages.
import { z } from "zod";
import { pick, type Locale } from "~/i18n/locale";
import { audit } from "~/server/audit/audit";
import { auditActor, type TenantScope } from "~/server/scope";

/** Bounds as the database's columns; an empty field is not shown. */
export const schoolContactsInput = z.object({
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+\-() ,，、转]*$/),
  email: z.union([z.literal(""), z.string().trim().toLowerCase().max(120).email()]),
  hoursZh: z.string().trim().max(200),
  hoursEn: z.string().trim().max(200),
});
export type SchoolContacts = z.infer<typeof schoolContactsInput>;
export const schoolContactsOutput = schoolContactsInput;

const NONE: SchoolContacts = { phone: "", email: "", hoursZh: "", hoursEn: "" };
const SELECT = { phone: true, email: true, hoursZh: true, hoursEn: true } as const;

/** The school's contacts; all empty until the school sets them. */
export async function schoolContacts({ db }: TenantScope): Promise<SchoolContacts> {
  return (await db.schoolContacts.findFirst({ select: SELECT })) ?? NONE;
}

export async function updateSchoolContacts(scope: TenantScope, input: SchoolContacts): Promise<SchoolContacts> {
  return scope.db.$transaction(async (tx) => {
    const contacts = await tx.schoolContacts.upsert({
      where: { tenantId: scope.tenant.id },
      create: { ...input, tenantId: scope.tenant.id },
      update: input,
      select: SELECT,
    });
    await audit(tx, { ...auditActor(scope.actor), action: "tenant.contacts.update", detail: contacts });
    return contacts;
  });
}

/** The office hours in the reader's language (Chinese where no English was written). */
export function contactHoursIn(contacts: SchoolContacts, locale: Locale): string {
  return pick(locale, { zh: contacts.hoursZh, en: contacts.hoursEn || contacts.hoursZh });
}

/** True when there is anything to show. */
export const hasContacts = (c: SchoolContacts) => Boolean(c.phone || c.email || c.hoursZh || c.hoursEn);
