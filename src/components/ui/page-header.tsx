import type { ReactNode } from "react";

/** The top of a console page: its title (the page's one h1), what it is for, and its actions. */
export function PageHeader({
  title,
  description,
  actions,
  back,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** A way up, for a page below another (a school's settings below the schools); an "‹" link. */
  back?: { href: string; label: string };
}) {
  return (
    <header className="mb-6 flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 pb-4">
      <div className="min-w-0 flex-1">
        <h1 className="flex items-center gap-2 text-xl font-semibold text-slate-900">
          {back ? (
            <a href={back.href} aria-label={back.label} className="-ml-1 rounded px-1 text-slate-500 hover:text-slate-900 print:hidden">
              ‹
            </a>
          ) : null}
          {title}
        </h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}
