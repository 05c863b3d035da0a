// Who is signed in, on every member page, and the way out when it is not the
// person holding the phone: 【不是我，换个账号】 ends the session here and at the
// school's unified login, then asks for the account again
// (src/server/identity/http/switch-account.ts). A plain form post, so it works
// in WeChat's in-app browser without script.
//
// Contract: `<SignedInBar />`, no props, a server component; it reads the
// request's member itself and renders nothing when no member is signed in.
import { requestContext, requestLocale } from "~/server/request";

export async function SignedInBar() {
  const actor = (await requestContext()).actor;
  if (actor?.kind !== "member") return null;
  const { t } = await requestLocale();
  return (
    <div
      className="mb-4 flex items-center justify-between gap-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2"
      data-testid="signed-in-bar"
    >
      {/* Two tidy lines at 375 px however long the name (a 30-character or an English one): each ends in … when it does not fit. */}
      <p className="min-w-0 flex-1 text-sm text-slate-700" data-testid="signed-in-as" title={`${actor.account} ${actor.name}`}>
        <span className="block truncate">{t("sso.signedInAccount", { account: actor.account })}</span>{" "}
        <span className="block truncate font-medium">{actor.name}</span>
      </p>
      <form method="post" action="/api/identity/switch-account" className="shrink-0">
        <button
          type="submit"
          className="min-h-11 rounded-lg px-2 text-sm font-medium whitespace-nowrap text-[var(--brand)] underline"
          data-testid="switch-account"
        >
          {t("sso.notMe")}
        </button>
      </form>
    </div>
  );
}
