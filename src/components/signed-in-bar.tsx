// Who is signed in (学号 and name), with 【不是我，换个账号】: XAU §4 and IMUT §三 tell students to
// clear WeChat's cache because a remembered session carried them past the login with the wrong
// account; this bar shows the account on every page after the login and ends the session in one tap.
//
// A minimal version for the journey's pages: the identity branch provides the full one (which also
// ends the session at the school's CAS/OIDC provider) at this same path.
import { cookies } from "next/headers";
import { secureCookies } from "~/env";
import { requestContext, requestLocale } from "~/server/request";

/** next-auth's CSRF cookie holds "token|hash"; its sign-out form needs the token. */
async function csrfToken(): Promise<string | null> {
  const jar = await cookies();
  const raw = jar.get(secureCookies() ? "__Host-next-auth.csrf-token" : "next-auth.csrf-token")?.value;
  return raw?.split("|")[0] ?? null;
}

export async function SignedInBar({ callbackUrl = "/join" }: { callbackUrl?: string }) {
  const ctx = await requestContext();
  const actor = ctx.actor;
  if (actor?.kind !== "member") return null;
  const { t } = await requestLocale();
  const token = await csrfToken();
  return (
    <div className="mb-4 flex items-center justify-between gap-3 rounded-lg bg-slate-100 px-3 py-2 text-sm" data-testid="signed-in-bar">
      <span className="min-w-0 truncate">
        <span className="font-mono">{actor.account}</span> {actor.name}
      </span>
      {token ? (
        <form method="post" action="/api/auth/signout">
          <input type="hidden" name="csrfToken" value={token} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button className="shrink-0 rounded-md px-2 py-2 text-[var(--brand)] underline">{t("journey.notMe")}</button>
        </form>
      ) : (
        // No CSRF cookie yet: next-auth's own sign-out page asks once and then signs out.
        <a
          href={`/api/auth/signout?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="shrink-0 px-2 py-2 text-[var(--brand)] underline"
        >
          {t("journey.notMe")}
        </a>
      )}
    </div>
  );
}
