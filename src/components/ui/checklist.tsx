// A checklist the server ran (src/server/checks/check.ts): each check's state in words and a mark,
// not colour alone, what was found and, when it did not pass, what to do. Presentational (no
// hooks, no state): a server component renders it with requestLocale().t, a client component
// that holds an action's answer (【测试连接】) with useT().
import type { MessageKey, Translate } from "~/i18n/messages";
import type { Check, CheckStatus } from "~/server/checks/check";

const BADGE: Record<CheckStatus, string> = {
  passed: "bg-green-100 text-green-800",
  warning: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-800",
  skipped: "bg-slate-100 text-slate-600",
};

const MARK: Record<CheckStatus, string> = { passed: "✓", warning: "!", failed: "✗", skipped: "–" };

export function Checklist({
  checks,
  heading,
  t,
  testId,
}: {
  checks: readonly Check[];
  heading: MessageKey;
  /** Words in the page's language: the checks' states (namespace "checks") and the heading. */
  t: Translate;
  testId?: string;
}) {
  return (
    <section aria-label={t(heading)}>
      <h3 className="mb-2 text-sm font-semibold text-slate-600">{t(heading)}</h3>
      <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid={testId}>
        {checks.map((check) => (
          <li key={check.id} className="px-3 py-3" data-check={check.id} data-status={check.status}>
            <div className="flex flex-wrap items-center gap-2">
              <span className={`rounded-full px-2 py-0.5 text-xs ${BADGE[check.status]}`}>
                <span aria-hidden="true">{MARK[check.status]} </span>
                {t(`checks.status.${check.status}`)}
              </span>
              <span className="font-medium">{check.title}</span>
            </div>
            <p className={`mt-1 text-sm ${check.status === "skipped" ? "text-slate-500" : "text-slate-700"}`}>{check.detail}</p>
            {check.steps.length > 0 ? (
              <ol aria-label={t("checks.steps")} className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-700">
                {check.steps.map((step) => (
                  <li key={step} className="break-words">
                    {step}
                  </li>
                ))}
              </ol>
            ) : null}
            {check.link && check.status !== "passed" ? (
              <a href={check.link.href} className="mt-2 inline-block text-sm text-[var(--brand)] underline">
                {check.link.label}
              </a>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
