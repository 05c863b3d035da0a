"use client";
// The one client component of the sign-in pages: it posts to next-auth and
// shows the server's message (remaining tries, lockout) in place.
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useT } from "~/i18n/client";
import type { MessageKey } from "~/i18n/messages";

type Props = {
  provider: "member" | "tenant-admin" | "vendor";
  callbackUrl: string;
  /** The account field's label: each area names its accounts its own way. */
  accountLabel: MessageKey;
  /** The vendor console's one-time code field (TOTP, words in the vendor namespace); absent on the other forms. */
  totp?: boolean;
  /** Server error codes → message templates in the page's language (the catalogue's, said on the server). */
  messages: Record<string, string>;
};

function describe(error: string, messages: Props["messages"]): string {
  try {
    const parsed = JSON.parse(error) as { code: string; vars?: Record<string, string | number> };
    const template = messages[parsed.code] ?? messages.INTERNAL ?? error;
    return template.replace(/\{(\w+)\}/g, (whole, key: string) => String(parsed.vars?.[key] ?? whole));
  } catch {
    return messages.INTERNAL ?? error;
  }
}

export function LoginForm({ provider, callbackUrl, accountLabel, totp, messages }: Props) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn(provider, {
      identifier: form.get("identifier") as string,
      password: form.get("password") as string,
      ...(totp ? { totp: form.get("totp") as string } : {}),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(describe(result?.error ?? "", messages));
  }

  return (
    // method="post": tapped before this script has loaded (a weak network), the browser submits the form
    // itself, and a GET would put the password in the address, the history and the server's logs.
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      <label className="block">
        <span className="mb-1 block text-sm text-slate-600">{t(accountLabel)}</span>
        <input
          name="identifier"
          autoComplete="username"
          required
          placeholder={t("login.accountPlaceholder")}
          className="w-full rounded-lg border border-slate-300 px-3 py-3 text-base"
        />
      </label>
      <label className="block">
        <span className="mb-1 block text-sm text-slate-600">{t("common.password")}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          placeholder={t("login.passwordPlaceholder")}
          className="w-full rounded-lg border border-slate-300 px-3 py-3 text-base"
        />
      </label>
      {totp ? (
        <label className="block">
          <span className="mb-1 block text-sm text-slate-600">{t("vendor.totpLabel")}</span>
          <input
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            placeholder={t("vendor.totpPlaceholder")}
            className="w-full rounded-lg border border-slate-300 px-3 py-3 text-base tracking-widest"
          />
          <span className="mt-1 block text-xs text-slate-500">{t("vendor.totpHint")}</span>
        </label>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-[var(--brand)] py-3 text-base font-medium text-white disabled:opacity-60"
      >
        {pending ? t("common.working") : t("login.submit")}
      </button>
    </form>
  );
}
