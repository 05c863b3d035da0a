"use client";
// What an area's error.tsx shows when a page fails to render: the catalogue's
// message for an unexpected failure, in the page's language, with a way on and
// the request's reference — never the error's own text or a stack.
// It reads its few words itself (the page's language from <html lang>): an error page may
// stand outside any <Words>, and importing all messages would ship every page's texts.
import type { ReactNode } from "react";
import { parseLocale, pick } from "~/i18n/locale";
import { areaError } from "~/i18n/messages/common";
import { INTERNAL_ERROR_MESSAGE } from "~/server/errors/internal-message";

export function AreaError({
  error,
  reset,
  home,
  children,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  home: string;
  /** What else the area offers a stuck reader (a school's contacts). */
  children?: ReactNode;
}) {
  const locale = parseLocale(typeof document !== "undefined" ? document.documentElement.lang : null);
  const say = (key: keyof typeof areaError) => pick(locale, areaError[key]);
  return (
    <div className="mx-auto min-h-dvh max-w-md bg-white px-4 py-10 text-center">
      <p role="alert" className="text-slate-700">
        {pick(locale, INTERNAL_ERROR_MESSAGE)}
      </p>
      {error.digest ? (
        <p className="mt-3 text-xs text-slate-400">
          {say("reference")}: {error.digest}
        </p>
      ) : null}
      <button type="button" onClick={reset} className="mt-6 block w-full rounded-lg bg-[var(--brand)] py-3 text-white">
        {say("retry")}
      </button>
      <a href={home} className="mt-3 block rounded-lg border border-slate-300 py-3">
        {say("home")}
      </a>
      {children}
    </div>
  );
}
