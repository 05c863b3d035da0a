// 自助排查 (issue 18 §2): the one case that applies to the member, said in the manuals' words, with
// the one action that fixes it — a button where the product acts (plain form posts to
// me/troubleshoot/act, so everything works with the page's scripts blocked), a link where the member
// does — the one question the product cannot answer itself (what WeChat shows), and what it checked.
// Reached from 「看不到应用」 on /done, from /me, and from /follow when the wait is longer than it should be.
import { PageShell } from "~/components/page-shell";
import { SignedInBar } from "~/components/signed-in-bar";
import { chinaClock, chinaTime, type Locale } from "~/i18n/locale";
import type { MessageKey, Translate } from "~/i18n/messages";
import { errorMessage } from "~/server/errors";
import { refusalOf } from "~/server/http/refusal-query";
import { requestLocale, serverApi } from "~/server/request";
import { SEEN, type Seen } from "~/server/troubleshoot/diagnosis";
import type { Troubleshooting } from "~/server/troubleshoot/troubleshoot";
import { SchoolContacts } from "~/components/school-contacts";

export const dynamic = "force-dynamic";

const DONE = ["invited", "inviteRecent", "resynced", "syncPending", "sent", "alreadyOpen"] as const;
type Done = (typeof DONE)[number];

const primary = "block w-full rounded-lg bg-[var(--brand)] py-3 text-center font-medium text-white";
const secondary = "block w-full rounded-lg border border-slate-300 py-3 text-center text-slate-700";

/** A button the product acts on: a plain form post carrying the member's answer along. */
function ActButton({ action, seen, label, testId }: { action: string; seen: Seen | null; label: string; testId: string }) {
  return (
    <form method="post" action="/me/troubleshoot/act">
      <input type="hidden" name="action" value={action} />
      {seen ? <input type="hidden" name="seen" value={seen} /> : null}
      <button type="submit" className={primary} data-testid={testId}>
        {label}
      </button>
    </form>
  );
}

function HelpdeskForm({ t, seen, main }: { t: Translate; seen: Seen | null; main: boolean }) {
  return (
    <form method="post" action="/me/troubleshoot/act" className="space-y-2">
      <input type="hidden" name="action" value="helpdesk" />
      {seen ? <input type="hidden" name="seen" value={seen} /> : null}
      <textarea
        name="note"
        maxLength={500}
        rows={2}
        placeholder={t("troubleshoot.helpdeskNote")}
        aria-label={t("troubleshoot.helpdeskNote")}
        className="w-full rounded-lg border border-slate-300 px-3 py-2"
        data-testid="troubleshoot-note"
      />
      <button type="submit" className={main ? primary : secondary} data-testid="troubleshoot-helpdesk">
        {t("troubleshoot.action.helpdesk")}
      </button>
    </form>
  );
}

/** The case's words: its title, and its body with what it names. */
function caseWords(t: Translate, locale: Locale, found: Troubleshooting): { title: string; body: string } {
  const assistant = found.assistantAppName;
  const phone = found.findings.boundDisplay ?? found.findings.phoneDisplay ?? "—";
  const title = t(`troubleshoot.case.${found.case}.title` as MessageKey, { assistant });
  if (found.case === "syncFailed" && found.action === "helpdesk") return { title, body: t("troubleshoot.case.syncFailed.phoneExists") };
  if (found.case === "onlyAssistant" && found.apps.length === 0)
    return { title, body: t("troubleshoot.case.onlyAssistant.noApps", { assistant }) };
  const vars = {
    assistant,
    phone,
    account: found.otherAccount ?? "—",
    apps: found.apps.join("、") || "—",
    time: found.lookAgainAt ? chinaClock(locale, found.lookAgainAt) : "—",
  };
  return { title, body: t(`troubleshoot.case.${found.case}.body` as MessageKey, vars) };
}

function Action({ t, found, seen }: { t: Translate; found: Troubleshooting; seen: Seen | null }) {
  switch (found.action) {
    case "bindPhone":
      return (
        <a href="/bind-phone" className={primary} data-testid="troubleshoot-action">
          {t("troubleshoot.action.bindPhone")}
        </a>
      );
    case "changePhone":
      return (
        <a href="/bind-phone?change=1" className={primary} data-testid="troubleshoot-action">
          {t("troubleshoot.action.changePhone")}
        </a>
      );
    case "follow":
      return (
        <a href="/follow" className={primary} data-testid="troubleshoot-action">
          {t("troubleshoot.action.follow")}
        </a>
      );
    case "unbind":
      return (
        <a href="/me/unbind" className={primary} data-testid="troubleshoot-action">
          {t("troubleshoot.action.unbind")}
        </a>
      );
    case "lookAgain":
      return (
        <a href={`/me/troubleshoot${seen ? `?seen=${seen}` : ""}`} className={secondary} data-testid="troubleshoot-action">
          {t("troubleshoot.action.lookAgain")}
        </a>
      );
    case "signInAsOther":
      // 【不是我，换个账号】: ends this session here and at the school's login, which then asks for the other account.
      return (
        <form method="post" action="/api/identity/switch-account">
          <button type="submit" className={primary} data-testid="troubleshoot-action">
            {t("troubleshoot.action.signInAsOther", { account: found.otherAccount ?? "" })}
          </button>
        </form>
      );
    case "rerunSync":
      return <ActButton action="rerunSync" seen={seen} label={t("troubleshoot.action.rerunSync")} testId="troubleshoot-action" />;
    case "resendInvitation":
      return (
        <div className="space-y-2">
          <ActButton action="resendInvitation" seen={seen} label={t("troubleshoot.action.resendInvitation")} testId="troubleshoot-action" />
          <a href="/follow" className="block py-2 text-center text-sm text-[var(--brand)] underline">
            {t("troubleshoot.orFollow")}
          </a>
        </div>
      );
    case "helpdesk":
      return <HelpdeskForm t={t} seen={seen} main />;
    case "none":
      return null;
  }
}

function Findings({ t, locale, found }: { t: Translate; locale: Locale; found: Troubleshooting }) {
  const f = found.findings;
  const state = (s: string | null) => (s ? t(`journey.state.${s}` as MessageKey) : t("troubleshoot.finding.none"));
  const rows: [string, string][] = [
    [t("troubleshoot.finding.bound"), f.boundDisplay ?? t("troubleshoot.finding.none")],
    [t("troubleshoot.finding.wecomNow"), f.liveError ? t(`troubleshoot.finding.liveError.${f.liveError}`) : state(f.liveState)],
    [t("troubleshoot.finding.wecomRecorded"), `${state(f.recordedState)}${f.recordedAt ? ` · ${chinaTime(locale, f.recordedAt)}` : ""}`],
    [
      t("troubleshoot.finding.sync"),
      f.syncJobState ? t(`troubleshoot.sync.${f.syncJobState}` as MessageKey) : t("troubleshoot.finding.none"),
    ],
  ];
  return (
    <details className="mt-6 rounded-lg border border-slate-200 p-3 text-sm" data-testid="troubleshoot-findings">
      <summary className="cursor-pointer text-slate-600">{t("troubleshoot.findingsTitle")}</summary>
      <dl className="mt-2 divide-y divide-slate-100">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-4 py-2">
            <dt className="text-slate-500">{label}</dt>
            <dd className="text-right">{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export default async function TroubleshootPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, t } = await requestLocale();
  const params = await searchParams;
  const seen = (SEEN as readonly string[]).includes(String(params.seen)) ? (params.seen as Seen) : null;
  const done = (DONE as readonly string[]).includes(String(params.done)) ? (params.done as Done) : null;
  const refusal = refusalOf(params);
  const found = await (await serverApi()).me.troubleshoot.diagnose({ seen });
  const words = caseWords(t, locale, found);
  return (
    <PageShell title={t("troubleshoot.title")} t={t} back="/me">
      <SignedInBar />
      {done ? (
        <p role="status" className="mb-4 rounded-lg bg-green-50 p-3 text-green-900" data-testid="troubleshoot-done">
          {t(`troubleshoot.done.${done}`)}
        </p>
      ) : null}
      {refusal ? (
        <p role="alert" className="mb-4 rounded-lg bg-amber-50 p-3 text-amber-900" data-testid="troubleshoot-refused">
          {errorMessage(refusal.code, locale, refusal.vars)}
        </p>
      ) : null}
      <p className="text-sm text-slate-600">{t("troubleshoot.lead")}</p>
      <section className="mt-3 space-y-3 rounded-xl border border-slate-200 p-4" data-testid="troubleshoot-case" data-case={found.case}>
        <h2 className="text-lg font-semibold">{words.title}</h2>
        <p className="text-slate-700">{words.body}</p>
        <Action t={t} found={found} seen={seen} />
      </section>

      {/* The one thing WeCom does not tell the product: what this WeChat shows. A plain GET form. */}
      <form method="get" action="/me/troubleshoot" className="mt-6 space-y-2" data-testid="troubleshoot-question">
        <p className="font-medium">{t("troubleshoot.question")}</p>
        {SEEN.filter((s) => s !== "noNotice" || found.findings.secondVerification).map((s) => (
          <label key={s} className="flex items-start gap-2 rounded-lg border border-slate-200 p-3">
            <input type="radio" name="seen" value={s} defaultChecked={s === seen} className="mt-1" data-testid={`seen-${s}`} />
            <span>{t(`troubleshoot.seen.${s}`, { assistant: found.assistantAppName })}</span>
          </label>
        ))}
        <button type="submit" className={secondary} data-testid="troubleshoot-check">
          {t("troubleshoot.check")}
        </button>
      </form>

      {found.action !== "helpdesk" ? (
        <section className="mt-6">
          <HelpdeskForm t={t} seen={seen} main={false} />
        </section>
      ) : null}
      <Findings t={t} locale={locale} found={found} />
      {/* The last resort beside the helpdesk case: the school's office, and its help pages. */}
      <div className="mt-6">
        <SchoolContacts />
      </div>
    </PageShell>
  );
}
