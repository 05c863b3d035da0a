// The FAQ fixes as buttons, each with one confirmation (?fix=… shows it, its form applies it). The
// first step is a link or a GET form, the second a plain form posting to a server action: both work
// with the page's scripts blocked. A fix that cannot apply says why and what to do instead.
import { Notice } from "~/components/ui/notice";
import type { Translate } from "~/i18n/messages";
import { FixForm } from "./fix-form";
import { Section, type MemberRecord } from "./record";

export const FIX_KEYS = ["savePhone", "movePhone", "clearContacts", "unlock", "resendInvite", "resync"] as const;
export type FixKey = (typeof FIX_KEYS)[number];
const WITH_PHONE: readonly FixKey[] = ["savePhone", "movePhone"];

const button = "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";

/** Who the confirmation is about, and its words; for a move, both accounts (phoneHolder). */
export type Confirmation = { fix: FixKey; phone: string; lines: string[]; needsRejoinConsent: boolean } | { fix: FixKey; refusal: string };

function FixStart({ fix, memberId, t }: { fix: FixKey; memberId: string; t: Translate }) {
  const href = `/admin/members/${memberId}`;
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid={`fix-${fix}`}>
      <div className="min-w-0 flex-1">
        <div className="font-medium">{t(`member.fix.${fix}`)}</div>
        <div className="text-xs text-slate-500">{t(`member.fix.${fix}Hint`)}</div>
      </div>
      {WITH_PHONE.includes(fix) ? (
        <form method="get" action={`${href}#fixes`} className="flex gap-2">
          <input type="hidden" name="fix" value={fix} />
          <input
            name="phone"
            aria-label={t("member.fix.phone")}
            placeholder={t("member.fix.phone")}
            required
            className="w-40 rounded-lg border border-slate-300 px-3 py-2 text-sm"
          />
          <button className={button}>{t("member.fix.next")}</button>
        </form>
      ) : (
        <a href={`${href}?fix=${fix}#fixes`} className={button}>
          {t("member.fix.open")}
        </a>
      )}
    </li>
  );
}

/**
 * The confirmation, and the form that applies it. The form keeps its place whatever the panel says
 * (its answer must survive the page drawn again after the fix, when the confirmation may no longer
 * apply, e.g. the phone is now this member's): without scripts that answer is the link onwards.
 */
function ConfirmPanel({ confirmation, memberId, t }: { confirmation: Confirmation; memberId: string; t: Translate }) {
  const back = `/admin/members/${memberId}`;
  const refused = "refusal" in confirmation;
  return (
    <div className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="fix-confirm">
      {refused ? (
        <Notice tone="warning" testId="fix-refused">
          {confirmation.refusal}
        </Notice>
      ) : (
        <div>
          <p className="mb-2 font-semibold">{t("member.fix.confirmTitle")}</p>
          {confirmation.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      <FixForm memberId={memberId} cancelHref={back} canApply={!refused}>
        <input type="hidden" name="fix" value={confirmation.fix} />
        <input type="hidden" name="phone" value={refused ? "" : confirmation.phone} />
        {!refused && confirmation.needsRejoinConsent ? (
          <label className="flex w-full items-start gap-2">
            <input type="checkbox" name="confirmWecomRejoin" className="mt-1" data-testid="fix-rejoin" />
            <span>{t("member.confirm.rejoin")}</span>
          </label>
        ) : null}
      </FixForm>
    </div>
  );
}

export function FixesSection(props: { record: MemberRecord; confirmation: Confirmation | null; t: Translate }) {
  const { record, confirmation, t } = props;
  const memberId = record.member.id;
  return (
    <div id="fixes">
      <Section title={t("member.section.fixes")} testId="member-fixes">
        {confirmation ? <ConfirmPanel confirmation={confirmation} memberId={memberId} t={t} /> : null}
        <ul className="divide-y divide-slate-100">
          {FIX_KEYS.map((fix) => (
            <FixStart key={fix} fix={fix} memberId={memberId} t={t} />
          ))}
        </ul>
      </Section>
    </div>
  );
}
