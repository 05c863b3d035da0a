"use client";
// The school's contacts card for its error page: error.tsx is a client component and cannot read the
// database, so the school layout (a server component above it) reads the card once and provides it.
import { createContext, useContext, type ReactNode } from "react";
import { ContactsCard, type ContactsCardProps } from "./contacts-card";

const SchoolContactsContext = createContext<ContactsCardProps | null>(null);

export function SchoolContactsProvider({ card, children }: { card: ContactsCardProps; children: ReactNode }) {
  return <SchoolContactsContext.Provider value={card}>{children}</SchoolContactsContext.Provider>;
}

/** The card, where the school layout provided it (nothing elsewhere). */
export function SchoolContactsFromLayout() {
  const card = useContext(SchoolContactsContext);
  return card ? <ContactsCard {...card} /> : null;
}
