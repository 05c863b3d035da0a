"use client";
import { signOut } from "next-auth/react";

export function SignOutButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl })}
      className="w-full rounded-lg border border-slate-300 py-3 text-base text-slate-700"
    >
      {label}
    </button>
  );
}
