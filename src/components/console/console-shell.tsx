// The frame of every console page (the school's back office, the vendor console): the school's or
// the platform's name in its colour, the navigation, who is signed in with 退出, the language switch.
// From 768 px the navigation stands beside the content; on a phone it folds into a <details>, which
// opens without script (globals.css keeps it open from 768 px where the browser can style it).
// Links are plain <a>: every page is a full load, so the layout sees the path shown.
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { SignOutButton } from "~/components/sign-out-button";
import { Words } from "~/components/words";
import { REQUEST_PATH_HEADER } from "~/server/http/request-id";
import { requestLocale } from "~/server/request";
import { currentNavPath, type NavItem } from "./navigation";

export async function ConsoleShell({
  name,
  area,
  home,
  items,
  who,
  signOutTo,
  banner,
  children,
}: {
  /** The school's (or the platform's) name, in the request's language. */
  name: string;
  /** Which console it is, under the name (移动校园后台). */
  area?: string;
  home: string;
  /** Already filtered for the signed-in account (navigationFor). */
  items: NavItem[];
  who: string;
  signOutTo: string;
  banner?: ReactNode;
  children: ReactNode;
}) {
  const { t } = await requestLocale();
  const current = currentNavPath(items, (await headers()).get(REQUEST_PATH_HEADER) ?? home);
  return (
    <div className="min-h-dvh bg-slate-50">
      {banner}
      <div className="md:flex">
        <aside className="border-b border-slate-200 bg-white md:w-60 md:shrink-0 md:border-r md:border-b-0 print:hidden">
          <div className="md:sticky md:top-0 md:flex md:max-h-dvh md:min-h-dvh md:flex-col md:overflow-y-auto">
            <div className="flex items-center gap-3 bg-[var(--brand)] px-4 py-3 text-white">
              <a href={home} className="min-w-0 flex-1 leading-tight" data-testid="console-name">
                <span className="block truncate text-base font-semibold">{name}</span>
                {area ? <span className="block truncate text-xs text-white/80">{area}</span> : null}
              </a>
              <a
                href={`/api/locale?to=${t("lang.switchTo")}`}
                className="shrink-0 rounded-full border border-white/60 px-3 py-1 text-sm"
                data-testid="locale-switch"
              >
                {t("lang.switch")}
              </a>
            </div>
            <details className="console-nav md:flex md:flex-1 md:flex-col" data-testid="console-nav">
              <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-4 text-sm font-medium text-slate-700 [&::-webkit-details-marker]:hidden">
                <span aria-hidden className="text-lg leading-none">
                  ☰
                </span>
                {t("console.menu")}
              </summary>
              <nav aria-label={t("console.navLabel")} className="flex flex-col gap-4 px-2 pb-4 md:flex-1 md:pt-3">
                <ul className="space-y-0.5">
                  {items.map((item) => (
                    <li key={item.path}>
                      <a
                        href={item.path}
                        aria-current={item.path === current ? "page" : undefined}
                        data-testid={item.testId}
                        className="block rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-[var(--brand)]/10 aria-[current=page]:font-semibold aria-[current=page]:text-[var(--brand)]"
                      >
                        {t(item.labelKey)}
                      </a>
                    </li>
                  ))}
                </ul>
                <div className="mt-auto space-y-2 border-t border-slate-200 px-2 pt-3">
                  <p className="truncate text-sm text-slate-600" data-testid="console-who">
                    {who}
                  </p>
                  <Words namespaces={["common"]}>
                    <SignOutButton callbackUrl={signOutTo} />
                  </Words>
                </div>
              </nav>
            </details>
          </div>
        </aside>
        <main className="min-w-0 flex-1 px-4 py-5 md:px-8 md:py-8">
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
