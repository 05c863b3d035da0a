"use client";
import { signOut } from "next-auth/react";
import { useT } from "~/i18n/client";

/** 退出登录; its word comes from the page's <Words namespaces={["common"]}>. */
export function SignOutButton({ callbackUrl }: { callbackUrl: string }) {
  const t = useT();
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl })}
      className="w-full rounded-lg border border-slate-300 py-3 text-base text-slate-700"
    >
      {t("common.signOut")}
    </button>
  );
}
