import type { ReactNode } from "react";
import { ConsoleShell } from "~/components/console/console-shell";
import { navigationFor } from "~/components/console/navigation";
import { pick } from "~/i18n/locale";
import { currentSchool, requireActor } from "~/server/page-guards";
import { requestLocale } from "~/server/request";
import { ADMIN_NAVIGATION } from "./navigation";

// The school's back office: its pages open only to a signed-in admin or
// helpdesk of this school; anyone else is sent to /admin/login. The frame shows
// each account the pages its role may open.
export default async function AdminConsoleLayout({ children }: { children: ReactNode }) {
  const admin = await requireActor("tenantAdmin", "/admin/login");
  const school = await currentSchool();
  const { locale, t } = await requestLocale();
  const name = pick(locale, { zh: school.name, en: school.nameEn || school.name });
  return (
    <ConsoleShell
      name={name}
      area={t("admin.loginTitle")}
      home="/admin"
      items={navigationFor(ADMIN_NAVIGATION, admin.role)}
      who={t("console.signedInAs", { name: admin.name, role: t(`admin.role.${admin.role}`) })}
      signOutTo="/admin/login"
    >
      {children}
    </ConsoleShell>
  );
}
