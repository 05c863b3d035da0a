// The contacts card of the school on this host, in the reader's language, for server pages (a refusal,
// the help pages). The school layout hands the same card to error.tsx through SchoolContactsProvider.
import "server-only";
import { contactHoursIn, schoolContacts } from "~/server/help/contacts";
import { schoolScopeOf } from "~/server/http/request-scope";
import { requireTenantHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";
import { ContactsCard, type ContactsCardProps } from "./contacts-card";

/** The card's contents for the school of this request. */
export async function schoolContactsCard(): Promise<ContactsCardProps> {
  const { ctx } = await requireTenantHost();
  const { locale, t } = await requestLocale();
  const contacts = await schoolContacts(schoolScopeOf(ctx));
  return {
    contacts: { phone: contacts.phone, email: contacts.email, hours: contactHoursIn(contacts, locale) },
    words: {
      title: t("help.contactsTitle"),
      phone: t("help.contactsPhone"),
      email: t("help.contactsEmail"),
      hours: t("help.contactsHours"),
      helpLink: t("help.contactsHelpLink"),
    },
  };
}

export async function SchoolContacts() {
  return <ContactsCard {...await schoolContactsCard()} />;
}
