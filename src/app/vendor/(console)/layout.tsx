import type { ReactNode } from "react";
import { requireVendor } from "~/server/page-guards";

// The console proper: a vendor signed in with the second factor enrolled.
export default async function VendorConsoleLayout({ children }: { children: ReactNode }) {
  await requireVendor({ enrolled: true });
  return children;
}
