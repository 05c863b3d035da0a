import type { ReactNode } from "react";
import type { Translate } from "~/i18n/messages";
import { PageHeader } from "./ui/page-header";

/**
 * The phone-width frame of every member page: a brand-coloured bar, the title and a language switch.
 * `wide`: a console page (back office, vendor console), whose layout already draws the frame
 * (components/console/console-shell.tsx); it gets the kit's page header only.
 */
export function PageShell({
  title,
  t,
  back,
  children,
  wide = false,
}: {
  title: string;
  t: Translate;
  back?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  if (wide) {
    return (
      <>
        <PageHeader title={title} back={back ? { href: back, label: t("common.back") } : undefined} />
        {children}
      </>
    );
  }
  return (
    <div className="mx-auto min-h-dvh max-w-md bg-white shadow-sm">
      <header className="flex items-center gap-3 bg-[var(--brand)] px-4 py-3 text-white">
        {back ? (
          <a href={back} className="-ml-2 rounded px-2 py-2 text-lg" aria-label={t("common.back")}>
            ‹
          </a>
        ) : null}
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
