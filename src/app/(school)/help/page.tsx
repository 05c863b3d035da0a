// 帮助: the school's help pages in its order, and a search box that is a plain GET form (it works with
// the page's scripts blocked, and a search is a link a member can send). Public: a member who cannot
// sign in needs it most. Ends with the school's contacts.
import { PageShell } from "~/components/page-shell";
import { SchoolContacts } from "~/components/school-contacts";
import { helpPageIn, helpSearchInput, searchHelpPages } from "~/server/help/help-pages";
import { schoolScopeOf } from "~/server/http/request-scope";
import { requireTenantHost } from "~/server/page-guards";
import { requestLocale } from "~/server/request";

export const dynamic = "force-dynamic";

export default async function HelpPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { ctx } = await requireTenantHost();
  const { locale, t } = await requestLocale();
  const raw = (await searchParams).q;
  const parsed = helpSearchInput.safeParse({ q: typeof raw === "string" ? raw.slice(0, 50) : "" });
  const q = parsed.success ? parsed.data.q : "";
  const pages = await searchHelpPages(schoolScopeOf(ctx), { q });
  return (
    <PageShell title={t("help.title")} t={t}>
      <form method="get" action="/help" role="search" className="flex gap-2" data-testid="help-search">
        <label htmlFor="help-q" className="sr-only">
          {t("help.searchLabel")}
        </label>
        <input
          id="help-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={50}
          placeholder={t("help.searchPlaceholder")}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 px-3 py-3 text-base"
        />
        <button type="submit" className="shrink-0 rounded-lg bg-[var(--brand)] px-4 py-3 text-white">
          {t("help.searchButton")}
        </button>
      </form>
      {q ? (
        <p className="mt-4 text-sm text-slate-600" role="status" data-testid="help-results-count">
          {pages.length ? t("help.results", { q, count: pages.length }) : t("help.noResults", { q })}
        </p>
      ) : pages.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">{t("help.empty")}</p>
      ) : null}
      {pages.length ? (
        <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="help-list">
          {pages.map((page) => (
            <li key={page.id}>
              <a href={`/help/${page.slug}`} className="flex items-center justify-between gap-3 px-4 py-3.5">
                <span>{helpPageIn(page, locale).title}</span>
                <span aria-hidden="true" className="text-slate-400">
                  ›
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {q ? (
        <a href="/help" className="mt-4 inline-block text-sm text-[var(--brand)] underline">
          {t("help.allPages")}
        </a>
      ) : null}
      <SchoolContacts />
    </PageShell>
  );
}
