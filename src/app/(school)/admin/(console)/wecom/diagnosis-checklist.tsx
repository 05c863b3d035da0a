// 【测试连接】's checklist: each check with its status and, when it did not pass,
// what the school's admin does in WeCom's console. Presentational only (no
// hooks, no state), so it renders wherever its result is.
import type { DiagnosisCheck } from "~/server/wecom/diagnose";

export type CheckLabels = Record<DiagnosisCheck["status"], string>;

const BADGE: Record<DiagnosisCheck["status"], string> = {
  passed: "bg-green-100 text-green-800",
  warning: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-800",
  skipped: "bg-slate-100 text-slate-600",
};

const MARK: Record<DiagnosisCheck["status"], string> = { passed: "✓", warning: "!", failed: "✗", skipped: "–" };

export function DiagnosisChecklist({ checks, labels, heading }: { checks: DiagnosisCheck[]; labels: CheckLabels; heading: string }) {
  return (
    <section aria-label={heading}>
      <h3 className="mb-2 text-sm font-semibold text-slate-600">{heading}</h3>
      <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="wecom-diagnosis">
        {checks.map((check) => (
          <li key={check.id} className="px-3 py-3" data-check={check.id} data-status={check.status}>
            <div className="flex flex-wrap items-center gap-2">
              <span className={`rounded-full px-2 py-0.5 text-xs ${BADGE[check.status]}`}>
                <span aria-hidden="true">{MARK[check.status]} </span>
                {labels[check.status]}
              </span>
              <span className="font-medium">{check.title}</span>
            </div>
            <p className={`mt-1 text-sm ${check.status === "skipped" ? "text-slate-500" : "text-slate-700"}`}>{check.detail}</p>
            {check.steps.length > 0 ? (
              <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-700">
                {check.steps.map((step) => (
                  <li key={step} className="break-words">
                    {step}
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
