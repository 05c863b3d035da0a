import type { ReactNode } from "react";
import type { Translate } from "~/i18n/messages";
import { SchoolLogo } from "./school-logo";

/** The phone-width frame of every member page: a brand-coloured bar with the school's logo, the title and a language switch. (Console pages are framed by their layout: components/console/.) */
export function PageShell({ title, t, back, children }: { title: string; t: Translate; back?: string; children: ReactNode }) {
  return (
    <div className="mx-auto min-h-dvh max-w-md bg-white shadow-sm">
      <header className="flex items-center gap-3 bg-[var(--brand)] px-4 py-3 text-white">
        {back ? (
          <a href={back} className="-ml-2 rounded px-2 py-2 text-lg" aria-label={t("common.back")}>
            ‹
          </a>
        ) : null}
        <SchoolLogo />
        <h1 className="flex-1 truncate text-lg font-semibold">{title}</h1>
        <a
          href={`/api/locale?to=${t("lang.switchTo")}`}
          className="rounded-full border border-white/60 px-3 py-1.5 text-sm"
          data-testid="locale-switch"
        >
          {t("lang.switch")}
        </a>
      </header>
      <main className="px-4 py-5">{children}</main>
    </div>
  );
}
