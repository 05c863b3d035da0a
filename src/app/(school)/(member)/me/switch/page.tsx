// 切换身份 (UCAS FAQ 12: 「若多个学工号的证件号相同，用户可以进入个人中心切换身份，无需解绑微信，重新认证」;
// IMUT 三 4): the signed-in member's other entries of this school with the same ID number (学工号,
// identity kind, department), what switching does, and one confirmation: a plain form post
// (me/switch/confirm) with a radio per entry, so it works with the page's scripts blocked. The domain
// function decides (bindings/switch-identity.ts); this page only says what it will do.
import { PageShell } from "~/components/page-shell";
import { SignedInBar } from "~/components/signed-in-bar";
import { backLink, primaryButton, Refusal } from "~/components/ui/plain-form";
import { kindName } from "~/i18n/locale";
import { ERROR_CATALOG, errorMessage, type AppErrorCode } from "~/server/errors";
import { requestLocale, serverApi } from "~/server/request";

export const dynamic = "force-dynamic";

const isErrorCode = (code: string | undefined): code is AppErrorCode => !!code && Object.hasOwn(ERROR_CATALOG, code);

export default async function SwitchIdentityPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const [me, state, others] = await Promise.all([api.me.profile.get(), api.me.journey.state(), api.me.profile.otherIdentities()]);
  const params = await searchParams;
  const refusal = isErrorCode(params.error) ? params.error : null;
  const choosable = others.filter((other) => !other.follows);
  const bound = state.binding ?? (me.phoneDisplay ? { channel: "PHONE" as const, display: me.phoneDisplay } : null);
  return (
    <PageShell title={t("switchIdentity.title")} t={t} back="/me">
      <SignedInBar />
      {refusal ? (
        <Refusal title={t("switchIdentity.refused")} testId="switch-refused">
          <p>{errorMessage(refusal, locale)}</p>
        </Refusal>
      ) : null}
      {others.length === 0 ? (
        <p data-testid="switch-none">{t("switchIdentity.none")}</p>
      ) : (
        // A plain form post: it works before the page's scripts load, and with none at all.
        <form method="post" action="/me/switch/confirm">
          <p>{t("switchIdentity.lead", { account: me.account })}</p>
          <fieldset className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="switch-identities">
            {others.map((other) => (
              <label
                key={other.id}
                className={`flex items-start gap-3 px-3 py-3 ${other.follows ? "text-slate-400" : ""}`}
                data-testid="switch-identity"
              >
                <input
                  type="radio"
                  name="memberId"
                  value={other.id}
                  required
                  disabled={other.follows}
                  defaultChecked={choosable.length === 1 && !other.follows}
                  className="mt-1.5 size-4"
                />
                <span>
                  <span className="block font-medium">{other.account}</span>
                  <span className="block text-sm text-slate-600">
                    {kindName(other.identityKind, locale)}
                    {other.department ? ` · ${other.department}` : ""}
                  </span>
                  {other.follows ? <span className="block text-sm">{t("switchIdentity.follows")}</span> : null}
                </span>
              </label>
            ))}
          </fieldset>
          {choosable.length > 0 ? (
            <>
              <section className="mt-4" data-testid="switch-explained">
                <p className="font-medium">{t("switchIdentity.whatHappens")}</p>
                <ul className="mt-2 list-disc space-y-2 pl-5 text-slate-700">
                  {bound ? (
                    <li>
                      {t(bound.channel === "EMAIL" ? "switchIdentity.moveEmail" : "switchIdentity.movePhone", {
                        value: bound.display,
                        account: me.account,
                      })}
                    </li>
                  ) : null}
                  <li>{t("switchIdentity.release", { account: me.account })}</li>
                  <li>{t("switchIdentity.sessions", { account: me.account })}</li>
                </ul>
              </section>
              <button type="submit" className={`mt-6 ${primaryButton}`} data-testid="switch-confirm">
                {t("switchIdentity.confirm")}
              </button>
            </>
          ) : null}
        </form>
      )}
      <a href="/me" className={backLink}>
        {t("switchIdentity.cancel")}
      </a>
    </PageShell>
  );
}
