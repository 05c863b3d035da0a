"use client";
// What an area's error.tsx shows when a page fails to render: the catalogue's
// message for an unexpected failure, in the page's language, with a way on and
// the request's reference — never the error's own text or a stack.
import { INTERNAL_ERROR_MESSAGE } from "~/server/errors/internal-message";

const TEXTS = {
  zh: { retry: "重试", home: "返回首页", reference: "错误编号" },
  en: { retry: "Try again", home: "Back to the start", reference: "Reference" },
};

export function AreaError({ error, reset, home }: { error: Error & { digest?: string }; reset: () => void; home: string }) {
  const lang = typeof document !== "undefined" && document.documentElement.lang === "en" ? "en" : "zh";
  const texts = TEXTS[lang];
  return (
    <div className="mx-auto min-h-dvh max-w-md bg-white px-4 py-10 text-center">
      <p role="alert" className="text-slate-700">
        {INTERNAL_ERROR_MESSAGE[lang]}
      </p>
      {error.digest ? (
        <p className="mt-3 text-xs text-slate-400">
          {texts.reference}: {error.digest}
        </p>
      ) : null}
      <button type="button" onClick={reset} className="mt-6 block w-full rounded-lg bg-[var(--brand)] py-3 text-white">
        {texts.retry}
      </button>
      <a href={home} className="mt-3 block rounded-lg border border-slate-300 py-3">
        {texts.home}
      </a>
    </div>
  );
}
