import type { ReactNode } from "react";
import { requireVendorHost } from "~/server/page-guards";

// The vendor console lives on the platform's root domain only, and answers only
// VENDOR_ALLOWED_ADDRESSES (403 otherwise), sign-in included.
export default async function VendorLayout({ children }: { children: ReactNode }) {
  await requireVendorHost();
  return children;
}
