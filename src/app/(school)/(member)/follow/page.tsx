// 关注企业号 (SUES 步骤4, IMUT/XAU ②–⑥): waits for the durable sync to put the member in the
// school's WeCom directory (the page moves on by itself), then shows the follow QR as an <img>,
// so WeChat's long-press recognition works (「长按识别二维码关注」), and says exactly what to do:
// the WeChat of the bound phone follows at once; any other goes through the assistant app's
// 【关注身份验证】. Where the school asks for 二次验证, the notice that follows is announced.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ActionForm } from "~/components/action-form";
import { JourneyPoll } from "~/components/journey-poll";
import { PageShell } from "~/components/page-shell";
import { SignedInBar } from "~/components/signed-in-bar";
import { nonceOf } from "~/server/http/csp-nonce";
import { currentSchool } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";
import { syncSlowIn } from "~/server/troubleshoot/sync-slow";
import { sendSyncCaseAction } from "./actions";
import { schoolName } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";

/** The sync failed: say why, and offer to send the case to the helpdesk. */
function SyncFailed({ t, phoneExists }: { t: Translate; phoneExists: boolean }) {
  return (
    <div role="alert" className="space-y-2 rounded-lg bg-red-50 p-4 text-red-800" data-testid="sync-failed">
      <p className="font-medium">{t("journey.syncFailed")}</p>
      <p className="text-sm">{phoneExists ? t("journey.syncFailedPhoneExists") : t("journey.syncFailedOther")}</p>
      <ActionForm action={sendSyncCaseAction} className="space-y-2 pt-1">
        <textarea
          name="note"
          maxLength={500}
          rows={2}
          placeholder={t("journey.helpdeskNote")}
          className="w-full rounded-lg border border-red-200 bg-white px-3 py-2"
        />
        <button className="w-full rounded-lg border border-red-300 bg-white py-3 text-red-800">{t("journey.sendToHelpdesk")}</button>
      </ActionForm>
    </div>
  );
}

/** In the directory: the follow QR, how to follow with another WeChat, and the 二次验证 notice if the school asks for it. */
function FollowSteps(props: {
  t: Translate;
  school: string;
  phone: string;
  assistant: string;
  secondVerification: boolean;
  confirmedByCode: boolean;
}) {
  const { t, school, phone, assistant, secondVerification, confirmedByCode } = props;
  return (
    <>
      <section className="rounded-xl border border-slate-200 p-4 text-center">
        {/* An image of our own origin is what WeChat's 识别图中二维码 reads. */}
        {/* eslint-disable-next-line @next/next/no-img-element -- next/image would serve it through its optimiser, which re-encodes the code WeChat must recognise. */}
        <img
          src="/follow/qr.png"
          width={240}
          height={240}
          alt={t("journey.qrAlt", { school })}
          className="mx-auto h-60 w-60"
          data-testid="follow-qr"
        />
        <p className="mt-2 text-lg font-semibold text-[var(--brand)]">{t("journey.qrCaption")}</p>
        <p className="mt-2 text-left text-sm text-slate-700">{t("journey.directFollow", { phone })}</p>
      </section>
      <section className="mt-4 rounded-xl bg-slate-50 p-4" data-testid="verify-steps">
        <h2 className="font-medium">{t("journey.verifyTitle")}</h2>
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>{t("journey.verifyStep1")}</li>
          <li>{t("journey.verifyStep2", { assistant })}</li>
          <li>{t("journey.verifyStep3", { phone })}</li>
          <li>
            {t("journey.verifyStep4")}
            {/* A second code for the same phone looks like a mistake: say whose it is before it comes (issue 18 §5). */}
            {confirmedByCode ? (
              <span className="mt-1 block text-slate-600" data-testid="second-code-why">
                {t("journey.secondCodeWhy")}
              </span>
            ) : null}
          </li>
          <li>{t("journey.verifyStep5")}</li>
        </ol>
        <p className="mt-2 text-sm text-slate-600">{t("journey.verifiedByOther")}</p>
      </section>
      {secondVerification ? (
        <p className="mt-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="second-verification-hint">
          {t("journey.secondVerificationHint")}
        </p>
      ) : null}
      <p className="mt-4 text-center text-sm text-slate-500">{t("journey.waitingForFollow")}</p>
    </>
  );
}

export default async function FollowPage() {
  const { locale, t } = await requestLocale();
  const tenant = await currentSchool();
  const state = await (await serverApi()).me.journey.state();
  if (state.step === "bind") redirect("/bind-phone");
  if (state.step === "done") redirect("/done");
  const school = schoolName(tenant, locale);
  const assistant = state.school.assistantAppName;
  const phone = state.binding?.display ?? "";
  const nonce = nonceOf((await headers()).get("content-security-policy"));
  // How long until the write into WeCom counts as slow (null: not waiting for one).
  const slowIn = syncSlowIn(state.syncingSince, new Date());
  const slow = slowIn !== null && slowIn <= 0;
  return (
    <PageShell title={t("journey.followTitle")} t={t}>
      <SignedInBar />
      <p className="mb-4 flex items-center justify-between text-sm text-slate-600">
        <span data-testid="bound-phone">{t("journey.boundPhone", { phone })}</span>
        <a href="/bind-phone?change=1" className="px-2 py-2 text-[var(--brand)] underline">
          {t("journey.changePhone")}
        </a>
      </p>

      {state.step === "syncing" && !slow ? (
        <p role="status" className="rounded-lg bg-sky-50 p-4 text-sky-900" data-testid="syncing">
          {t("journey.syncing", { school })}
        </p>
      ) : null}
      {/* Past a minute 「通常只需几秒钟」 is no longer true: say so, and offer 自助排查. */}
      {state.step === "syncing" && slow ? (
        <div role="status" className="space-y-2 rounded-lg bg-amber-50 p-4 text-amber-900" data-testid="syncing-slow">
          <p>{t("troubleshoot.syncSlow")}</p>
          <a href="/me/troubleshoot" className="block py-2 text-[var(--brand)] underline" data-testid="troubleshoot-link">
            {t("troubleshoot.title")} ›
          </a>
        </div>
      ) : null}

      {state.step === "syncFailed" ? <SyncFailed t={t} phoneExists={state.syncError?.phoneExists ?? false} /> : null}

      {state.step === "follow" ? (
        <>
          <FollowSteps
            t={t}
            school={school}
            phone={phone}
            assistant={assistant}
            secondVerification={state.school.secondVerification}
            confirmedByCode={state.binding?.confirmedByCode ?? false}
          />
          <a
            href="/me/troubleshoot?seen=assistantOnly"
            className="mt-2 block py-2 text-center text-sm text-[var(--brand)] underline"
            data-testid="troubleshoot-link"
          >
            {t("troubleshoot.followStuck")}
          </a>
        </>
      ) : null}

      <a href="/follow" className="mt-4 block py-3 text-center text-sm text-[var(--brand)] underline">
        {t("journey.refresh")}
      </a>
      {state.step !== "syncFailed" ? (
        <JourneyPoll
          step={state.step}
          nonce={nonce}
          reloadInMs={state.step === "syncing" && !slow && slowIn !== null ? slowIn : undefined}
        />
      ) : null}
    </PageShell>
  );
}
