import type { ReactNode } from "react";
import { requireActor } from "~/server/page-guards";

// The school's back office: its pages open only to a signed-in admin or
// helpdesk of this school; anyone else is sent to /admin/login.
export default async function AdminConsoleLayout({ children }: { children: ReactNode }) {
  await requireActor("tenantAdmin", "/admin/login");
  return children;
}
