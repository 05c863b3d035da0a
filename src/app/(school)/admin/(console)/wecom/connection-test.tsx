"use client";
// The 【测试连接】 button: a server action runs the diagnosis; the kit's Checklist draws its answer.
// Words from the page's <Words namespaces={["common", "wecom", "checks"]}>.
import { useActionState } from "react";
import { Checklist } from "~/components/ui/checklist";
import { useT } from "~/i18n/client";
import { testWecomConnectionAction, type ConnectionTestResult } from "./actions";

/** `mayTest`: the admin holds wecom.settings, the permission the test's procedure asks for. */
export function ConnectionTest({ mayTest }: { mayTest: boolean }) {
  const t = useT();
  const [tested, test, testing] = useActionState<ConnectionTestResult | null>(testWecomConnectionAction, null);
  return (
    <div className="mt-3 space-y-3">
      <form action={test}>
        <button
          disabled={testing || !mayTest}
          className="w-full rounded-lg border border-[var(--brand)] py-3 text-[var(--brand)] disabled:opacity-60"
        >
          {testing ? t("common.working") : t("wecom.test")}
        </button>
      </form>
      {mayTest ? null : <p className="text-sm text-slate-500">{t("wecom.testItOnly")}</p>}
      {tested ? (
        <p
          role={tested.ok ? "status" : "alert"}
          className={`rounded-lg px-3 py-2 text-sm ${tested.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
        >
          {tested.message}
        </p>
      ) : null}
      {tested?.checks ? <Checklist checks={tested.checks} heading="wecom.diagnosis" t={t} testId="wecom-diagnosis" /> : null}
    </div>
  );
}
