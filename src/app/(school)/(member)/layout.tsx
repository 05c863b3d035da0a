import type { ReactNode } from "react";
import { requireActor } from "~/server/page-guards";

// A signed-in member's pages: anyone else is sent to sign in; a member whose
// initial password must be changed is sent to change it first.
export default async function MemberLayout({ children }: { children: ReactNode }) {
  await requireActor("member", "/login");
  return children;
}
