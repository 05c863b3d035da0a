import type { CSSProperties, ReactNode } from "react";
import { schoolContactsCard } from "~/components/school-contacts";
import { SchoolContactsProvider } from "~/components/school-contacts-context";
import { requireTenantHost } from "~/server/page-guards";

// Every page of a school's host: the school is resolved once here (an unknown
// or suspended one answers 「该学校尚未开通」 with 404), and its colours frame
// everything below, and its contacts are at hand for its error page. Procedures remain the security boundary.
export default async function SchoolLayout({ children }: { children: ReactNode }) {
  const { tenant } = await requireTenantHost();
  const brand = { "--brand": tenant.primaryColor, "--accent": tenant.accentColor } as CSSProperties;
  return (
    <div style={brand} className="min-h-dvh">
      <SchoolContactsProvider card={await schoolContactsCard()}>{children}</SchoolContactsProvider>
    </div>
  );
}
